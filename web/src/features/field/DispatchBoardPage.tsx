import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { TBoard } from '@techserve/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Spin, Tag, Tooltip, Typography, theme } from 'antd';
import dayjs from 'dayjs';
import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { PageHeader } from '../../layout/PageHeader';
import { OrgRefSelect } from '../org/OrgRefSelect';
import { fieldKeys } from './fieldKeys';
import { formatInstant } from './formatInstant';
import { LetterStatusTag } from './LetterStatusTag';
import { RescheduleDialog, type TRescheduleTarget } from './RescheduleDialog';
import './i18n';

type TBoardItem = TBoard['engineers'][number]['days'][number]['items'][number];
type TDragged = { item: TBoardItem; fromUserId: number };

/** Visits not yet started can be re-booked by dragging (FS-5); once on site the server refuses. */
const MOVABLE = new Set(['draft', 'submitted', 'approved']);

/** The same time of day as `appointmentAt`, on `date` (local time). */
const movedTo = (appointmentAt: string, date: string) => {
  const at = dayjs(appointmentAt);
  return dayjs(date).hour(at.hour()).minute(at.minute()).second(0).millisecond(0).toISOString();
};

/**
 * The dispatch board: engineers × days with their visits; travel (and later leave) clashes are highlighted. Dragging
 * a visit to another day or engineer asks for the FS-5 call record and reason, then re-books it (PATCH); a 409
 * (someone changed it meanwhile) reloads the board.
 */
export function DispatchBoardPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const queryClient = useQueryClient();
  // Weeks run Monday to Sunday whatever the locale's first day of the week.
  const [from, setFrom] = useState(() =>
    dayjs()
      .subtract((dayjs().day() + 6) % 7, 'day')
      .format('YYYY-MM-DD'),
  );
  const [teamId, setTeamId] = useState<number | null>(null);
  const [dragged, setDragged] = useState<TDragged | null>(null);
  const [target, setTarget] = useState<TRescheduleTarget | null>(null);
  const to = dayjs(from).add(6, 'day').format('YYYY-MM-DD');
  const query = { from, to, ...(teamId ? { teamId: String(teamId) } : {}) };
  const board = useQuery({ queryKey: fieldKeys.board(query), queryFn: ({ signal }) => api<TBoard>('/field/board', { query, signal }) });
  const reload = () => void queryClient.invalidateQueries({ queryKey: [...fieldKeys.all, 'board'] });
  const nameOf = (userId: number) => board.data?.engineers.find((e) => e.userId === userId)?.name ?? `#${userId}`;

  const drop = (event: DragEvent, userId: number, date: string) => {
    event.preventDefault();
    if (!dragged) return;
    const { item, fromUserId } = dragged;
    setDragged(null);
    if (fromUserId === userId && dayjs(item.appointmentAt).format('YYYY-MM-DD') === date) return;
    setTarget({
      letterId: item.letterId,
      version: item.version,
      number: item.number,
      appointmentAt: item.appointmentAt,
      estimatedMinutes: item.estimatedMinutes,
      proposedAt: movedTo(item.appointmentAt, date),
      ...(fromUserId !== userId ? { reassign: { fromUserId, toUserId: userId, toName: nameOf(userId) } } : {}),
    });
  };

  const cell = { border: `1px solid ${token.colorBorderSecondary}`, padding: 4, verticalAlign: 'top' as const, minWidth: 140 };
  return (
    <>
      <PageHeader title={t('field.boardTitle')} />
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <Button
          icon={<LeftOutlined />}
          aria-label={t('field.previousWeek')}
          onClick={() => setFrom(dayjs(from).subtract(7, 'day').format('YYYY-MM-DD'))}
        />
        <Typography.Text strong>{`${from} ~ ${to}`}</Typography.Text>
        <Button
          icon={<RightOutlined />}
          aria-label={t('field.nextWeek')}
          onClick={() => setFrom(dayjs(from).add(7, 'day').format('YYYY-MM-DD'))}
        />
        <Typography.Text type="secondary">{t('field.team')}</Typography.Text>
        <div style={{ minWidth: 200 }}>
          <OrgRefSelect source="teams" value={teamId} onChange={setTeamId} />
        </div>
      </Flex>
      <Typography.Paragraph type="secondary">{t('field.boardHint')}</Typography.Paragraph>
      {board.data && !board.data.travelKnown && <Alert type="info" showIcon title={t('field.travelUnknown')} style={{ marginBottom: 8 }} />}
      {board.isLoading && <Spin size="large" style={{ display: 'block', margin: '32px auto' }} />}
      {board.isError && <Alert type="error" showIcon title={(board.error as Error).message} />}
      {board.data && (
        <div style={{ overflowX: 'auto' }}>
          <table style={{ borderCollapse: 'collapse', width: '100%' }} data-testid="dispatch-board">
            <thead>
              <tr>
                <th style={cell}>{t('field.engineer')}</th>
                {board.data.days.map((day) => (
                  <th key={day} style={cell}>
                    {dayjs(day).format('MM-DD ddd')}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {board.data.engineers.map((engineer) => (
                <tr key={engineer.userId}>
                  <th style={{ ...cell, textAlign: 'left', whiteSpace: 'nowrap' }}>
                    {engineer.name}
                    {engineer.levelName && (
                      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                        {engineer.levelName}
                      </Typography.Text>
                    )}
                  </th>
                  {engineer.days.map((day) => {
                    const clash = day.conflicts.length > 0;
                    return (
                      <td
                        key={day.date}
                        style={{ ...cell, background: clash ? token.colorErrorBg : undefined }}
                        onDragOver={(event) => event.preventDefault()}
                        onDrop={(event) => drop(event, engineer.userId, day.date)}
                        data-testid="board-cell"
                        data-user-id={engineer.userId}
                        data-date={day.date}
                        data-conflict={clash ? 'true' : undefined}
                      >
                        {day.conflicts.map((c, i) => (
                          <Tooltip key={i} title={`${formatInstant(c.from)} ~ ${formatInstant(c.to)}${c.note ? ` · ${c.note}` : ''}`}>
                            <Tag color="error" style={{ marginBottom: 4 }}>
                              {t(`field.conflict_${c.kind}`)}
                            </Tag>
                          </Tooltip>
                        ))}
                        {day.items.map((item) => (
                          <Card
                            key={item.letterId}
                            size="small"
                            draggable={MOVABLE.has(item.status)}
                            onDragStart={() => setDragged({ item, fromUserId: engineer.userId })}
                            style={{ marginBottom: 4, cursor: MOVABLE.has(item.status) ? 'grab' : 'default' }}
                            styles={{ body: { padding: 6 } }}
                            data-testid="board-item"
                            data-letter-id={item.letterId}
                          >
                            <Typography.Text strong style={{ fontSize: 12 }}>
                              {formatInstant(item.appointmentAt, 'HH:mm')}
                            </Typography.Text>{' '}
                            <Link to={`/field/letters/${item.letterId}`} style={{ fontSize: 12 }}>
                              {item.number}
                            </Link>
                            <Typography.Text style={{ display: 'block', fontSize: 12 }} ellipsis>
                              {item.customerName}
                            </Typography.Text>
                            <LetterStatusTag status={item.status} />
                          </Card>
                        ))}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <RescheduleDialog target={target} onClose={() => setTarget(null)} onConflict={reload} />
    </>
  );
}

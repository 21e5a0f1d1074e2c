import type { TVisit } from '@techserve/core';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Divider, Flex, Form, Image, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiUrl } from './apiUrl';
import { CameraPhotoInput } from './CameraPhotoInput';
import { fieldKeys } from './fieldKeys';
import { formatInstant } from './formatInstant';
import { useFieldError } from './useFieldError';
import { useVisitAction } from './useVisit';
import './i18n';

/**
 * FS-6: photos from the camera, and — when the problem stays unsolved — the same-day written difficulty report
 * with pictures (the policy decides whether it is required; the server says so in `difficultyReport`).
 */
export function PhotosCard({ visit }: { visit: TVisit }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm();
  const act = useVisitAction(visit.letterId);
  const showError = useFieldError(fieldKeys.visit(visit.letterId));
  const report = visit.difficultyReport;
  const canReport = visit.allowed.includes('file_difficulty_report');
  const canUpload = visit.allowed.includes('edit_record') || canReport;
  const photos = visit.photos.filter((p) => p.purpose !== 'record_pdf');
  const reload = () => void queryClient.invalidateQueries({ queryKey: fieldKeys.visit(visit.letterId) });

  const fileReport = (values: { text: string; photoIds?: number[] }) =>
    act.mutate(
      { path: '/difficulty-report', body: { text: values.text, photoIds: values.photoIds ?? [] } },
      { onError: (error) => showError(error, form) },
    );

  return (
    <Card size="small" title={t('field.photosTitle')} data-testid="photos-card">
      {photos.length > 0 ? (
        <Image.PreviewGroup>
          <Flex wrap gap={8} style={{ marginBottom: 8 }} data-testid="photos">
            {photos.map((photo) => (
              <Image
                key={photo.id}
                src={apiUrl(photo.url)}
                width={88}
                height={88}
                style={{ objectFit: 'cover', borderRadius: 4 }}
                alt={photo.fileName}
              />
            ))}
          </Flex>
        </Image.PreviewGroup>
      ) : (
        <Typography.Paragraph type="secondary">{t('field.noPhotos')}</Typography.Paragraph>
      )}
      {canUpload && (
        <CameraPhotoInput uploadPath={`/field/letters/${visit.letterId}/photos`} fields={{ purpose: 'photo' }} onUploaded={reload} />
      )}

      {(report.required || report.filedAt || canReport) && (
        <>
          <Divider titlePlacement="start">{t('field.difficultyReport')}</Divider>
          {report.filedAt ? (
            <div data-testid="difficulty-filed">
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{report.text}</Typography.Paragraph>
              <Typography.Text type={report.onTime === false ? 'danger' : 'secondary'}>
                {t(report.onTime === false ? 'field.reportFiledLate' : 'field.reportFiled', {
                  name: report.filedByName ?? '',
                  at: formatInstant(report.filedAt),
                })}
              </Typography.Text>
            </div>
          ) : (
            <>
              {report.required && (
                <Alert
                  type={report.missing ? 'warning' : 'info'}
                  showIcon
                  title={t('field.reportDue', { date: report.dueOn ?? '' })}
                  style={{ marginBottom: 8 }}
                  data-testid="difficulty-due"
                />
              )}
              {canReport && (
                <Form form={form} layout="vertical" onFinish={fileReport}>
                  <Form.Item
                    name="text"
                    label={t('field.reportText')}
                    rules={[{ required: true, whitespace: true, message: t('field.required') }]}
                  >
                    <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={20_000} data-testid="difficulty-text" />
                  </Form.Item>
                  {photos.length > 0 && (
                    <Form.Item name="photoIds" label={t('field.reportPhotos')}>
                      <Checkbox.Group options={photos.map((p) => ({ value: p.id, label: p.fileName }))} />
                    </Form.Item>
                  )}
                  <CameraPhotoInput
                    uploadPath={`/field/letters/${visit.letterId}/photos`}
                    fields={{ purpose: 'difficulty' }}
                    onUploaded={reload}
                    label={t('field.reportTakePhoto')}
                    testId="difficulty-photo"
                  />
                  <Button
                    type="primary"
                    htmlType="submit"
                    block
                    size="large"
                    loading={act.isPending}
                    style={{ marginTop: 8 }}
                    data-testid="difficulty-file"
                  >
                    {t('field.fileReport')}
                  </Button>
                </Form>
              )}
            </>
          )}
        </>
      )}
    </Card>
  );
}

import { addDaysToDate, localDateOf } from '@techserve/core';
import type { Database } from '../../db/database';
import type { Clock } from '../../http/clock';
import { demoActors, workingDaysAgo } from '../incidents/incidents.demo';
import { hasRows, productsByName } from '../incidents/incidents.repository';
import { createCertificate, createTestTask } from './certificates.service';
import { createExam, createQuestion, gradeAttempt, submitAnswers } from './exams.service';
import { createSession, recordAttendance } from './sessions.service';
import * as repo from './staff-training.repository';

/** A clock standing at `iso` (the demo's past days). */
const at_ = (iso: string): Clock => ({ now: () => new Date(iso) });

/**
 * TRN-1..3 demo, through the services: a DS-300 product training held three working days ago with attendance and its
 * exam on the day (刘洋 passed, 赵磊 failed the written part — an AP-10 fact), the question bank, certificates (周强's
 * expiring soon) and a TRN-2 test document task for 赵磊. Skipped when sessions exist.
 */
export async function seedStaffTrainingDemo(database: Pick<Database, 'db' | 'dialect'>, clock: Clock): Promise<boolean> {
  const { db } = database;
  if (await hasRows(db, 'staff_training_sessions')) return false;
  const people = await demoActors(database, clock, ['supervisor', 'expert.sun', 'eng.liu', 'eng.zhao', 'eng.zhou'], 'seed-training-demo');
  const [storage] = await productsByName(db, ['分布式存储']);
  if (!people || !storage) return false;
  const day = await workingDaysAgo(database, clock, 3, 9);
  const at = (hours: number) => new Date(Date.parse(day) + hours * 3_600_000).toISOString();
  const on = <T extends { clock: Clock }>(ctx: T, iso: string): T => ({ ...ctx, clock: at_(iso) });
  const sup = people.supervisor;
  const ids = (...names: string[]) => names.map((n) => people[n].actor.id);

  let session = await createSession(on(sup, at(-48)), {
    kind: 'product',
    title: 'DS-300 分布式存储 v2.1 新功能培训',
    productId: storage.id,
    trainerId: people['expert.sun'].actor.id,
    startsAt: at(0),
    endsAt: at(3),
    location: '公司三楼培训室',
    description: '扩容流程、配置备份与回退、常见告警处理',
    attendeeIds: ids('eng.liu', 'eng.zhao', 'eng.zhou'),
  });
  session = await recordAttendance(on(sup, at(3)), session.id, {
    version: session.version,
    attendees: [
      { userId: people['eng.liu'].actor.id, status: 'present' },
      { userId: people['eng.zhao'].actor.id, status: 'present' },
      { userId: people['eng.zhou'].actor.id, status: 'excused' },
    ],
  });
  const opts = [
    { id: 'a', text: 'RAID 5' },
    { id: 'b', text: 'RAID 6' },
    { id: 'c', text: 'RAID 10' },
  ];
  const q1 = await createQuestion(on(sup, at(-48)), {
    productId: storage.id,
    kind: 'single',
    text: 'DS-300 允许同时损坏两块盘的存储池级别是？',
    options: opts,
    correct: ['b'],
    points: 30,
  });
  const q2 = await createQuestion(on(sup, at(-48)), {
    productId: storage.id,
    kind: 'multiple',
    text: '以下哪些级别有数据冗余？',
    options: opts,
    correct: ['a', 'b', 'c'],
    points: 30,
  });
  const q3 = await createQuestion(on(sup, at(-48)), {
    productId: storage.id,
    kind: 'written',
    text: '简述 DS-300 扩容前必须完成的准备工作。',
    options: [],
    correct: [],
    points: 40,
  });
  await createQuestion(on(sup, at(-48)), {
    productId: null,
    kind: 'written',
    text: '简述《服务事故》I 类与 II 类的区别。',
    options: [],
    correct: [],
    points: 20,
  });
  const exam = await createExam(on(sup, at(3)), {
    title: 'DS-300 培训考试',
    kind: 'training',
    sessionId: session.id,
    productId: storage.id,
    questionIds: [q1.id, q2.id, q3.id],
    candidateIds: ids('eng.liu', 'eng.zhao'),
    opensAt: at(3.25),
    closesAt: at(4.25),
  });
  const [s1, s2, s3] = [q1, q2, q3].map((q) => String(q.id));
  await submitAnswers(on(people['eng.liu'], at(3.75)), exam.id, {
    answers: {
      [s1]: { choices: ['b'] },
      [s2]: { choices: ['a', 'b', 'c'] },
      [s3]: { text: '备份配置、确认停机窗口、检查固件版本与磁盘健康、准备回退方案。' },
    },
  });
  await submitAnswers(on(people['eng.zhao'], at(4)), exam.id, {
    answers: { [s1]: { choices: ['a'] }, [s2]: { choices: ['a', 'c'] }, [s3]: { text: '直接加盘后扩容。' } },
  });
  for (const [name, points] of [
    ['eng.liu', 35],
    ['eng.zhao', 10],
  ] as const) {
    const attempt = await repo.attemptOf(db, exam.id, people[name].actor.id);
    if (attempt)
      await gradeAttempt(on(people['expert.sun'], at(6)), exam.id, attempt.id, { version: attempt.version, points: { [s3]: points } });
  }
  const today = localDateOf(clock.now().getTime());
  const plus = (days: number) => addDaysToDate(today, days);
  await createCertificate(people['eng.zhou'], {
    name: '网络安全工程师认证',
    issuer: '中国网络安全审查技术与认证中心',
    number: 'CISP-2023-0815',
    issuedOn: plus(-1080),
    expiresOn: plus(20),
  });
  await createCertificate(people['eng.liu'], {
    name: '数据中心存储工程师',
    issuer: '存储厂商认证中心',
    number: 'DS-ENG-2025-117',
    issuedOn: plus(-200),
    expiresOn: plus(530),
  });
  await createCertificate(sup, {
    userId: people['eng.zhao'].actor.id,
    name: '电工操作证',
    issuer: '应急管理局',
    number: 'T3204-2021-556',
    issuedOn: plus(-1800),
    expiresOn: plus(-10),
  });
  await createTestTask(sup, {
    kind: 'testDocument',
    title: 'DS-300 v2.1 发布后测试与测试文档',
    productId: storage.id,
    assigneeId: people['eng.zhao'].actor.id,
    rndContact: '研发部 王工',
    dueOn: plus(10),
    description: '按研发提供的用例在实验环境完成回归测试，补充扩容章节的用户手册。',
  });
  return true;
}

import { defineReasons } from './catalogue';

/** TRN-1..3 internal training, exams and certificates; MTG-1 meetings. */
export const TRAINING_REASONS = defineReasons({
  'training.examClosed': {
    'zh-CN': '考试已于 {closesAt} 结束，不再接受答卷',
    en: 'The exam closed at {closesAt}; no more answers are taken',
  },
  'training.examNotOpen': { 'zh-CN': '考试将于 {opensAt} 开始', en: 'The exam opens at {opensAt}' },
  'training.notCandidate': { 'zh-CN': '您不在本次考试的考生名单中', en: 'You are not a candidate of this exam' },
  'training.alreadySubmitted': { 'zh-CN': '您已于 {submittedAt} 交卷', en: 'You handed in your paper at {submittedAt}' },
  'training.notInPaper': { 'zh-CN': '试卷中没有第 {questionId} 题', en: 'The paper has no question {questionId}' },
  'training.choiceNotOffered': { 'zh-CN': '此题没有选项“{choice}”', en: 'The question offers no option "{choice}"' },
  'training.singleChoice': { 'zh-CN': '单选题只能选一个选项', en: 'A single choice takes one option' },
  'training.notSubmitted': { 'zh-CN': '考生尚未交卷', en: 'The candidate has not handed in a paper' },
  'training.tooManyPoints': { 'zh-CN': '第 {questionId} 题最多 {max} 分', en: 'Question {questionId} is worth at most {max} points' },
  'training.notWritten': { 'zh-CN': '第 {questionId} 题不是主观题', en: 'Question {questionId} is not a written question' },
  'training.notYourExam': {
    'zh-CN': '只有出题的培训讲师或培训管理员可以评分',
    en: 'Only the exam’s trainer or a training manager grades it',
  },
  'training.noSuchQuestion': { 'zh-CN': '题库中没有可用的题目 #{questionId}', en: 'No active question #{questionId} in the bank' },
  'training.noSuchUser': { 'zh-CN': '没有在职员工 #{userId}', en: 'No active member of staff #{userId}' },
  'training.noSuchProduct': { 'zh-CN': '产品不存在', en: 'No such product' },
  'training.noSuchSession': { 'zh-CN': '培训不存在', en: 'No such training session' },
  'training.trainerRequired': {
    'zh-CN': '请填写培训讲师（内部讲师或外部机构）',
    en: 'Name the trainer (a colleague or an outside trainer)',
  },
  'training.examOnTheDay': {
    'zh-CN': '培训考试应在培训当天（{date}）进行',
    en: 'A training exam is held on the day of the session ({date})',
  },
  'training.notAttendee': { 'zh-CN': '{name}不在本次培训的名单中', en: '{name} is not on the session’s list' },
  'training.sessionCancelled': { 'zh-CN': '培训已取消', en: 'The session was cancelled' },
  'meetings.noSuchUser': { 'zh-CN': '没有在职员工 #{userId}', en: 'No active member of staff #{userId}' },
  'meetings.notYourAction': {
    'zh-CN': '只有责任人或会议管理者可以更新此事项',
    en: 'Only its owner or a meeting manager updates this action item',
  },
});

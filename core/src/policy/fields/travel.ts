import { type PolicyFieldMeta, f } from '../fieldHelpers';

/** Travel. */
export const travelFields: PolicyFieldMeta[] = [
  ...(['outOfProvince', 'prefectureCity', 'countyOrBelow'] as const).flatMap((level) => {
    const zh = { outOfProvince: '省外', prefectureCity: '地级市', countyOrBelow: '县级及以下' }[level];
    const en = {
      outOfProvince: 'out of province',
      prefectureCity: 'prefecture-level city',
      countyOrBelow: 'county or below',
    }[level];
    return [
      f(
        `travel.allowanceByDestination.${level}.technicalGuidanceDailyFen`,
        'TR-3',
        'fen',
        [`${zh}技术指导补贴（每天）`, `Technical guidance, ${en} (per day)`],
        ['省外出差的技术指导另补贴 120 元/天·人', 'Out-of-province technical guidance 120 yuan/day/person'],
      ),
      f(
        `travel.allowanceByDestination.${level}.mealsLodgingPerNightFen`,
        'TR-3',
        'fen',
        [`${zh}食宿补贴（每晚）`, `Meals and lodging, ${en} (per night)`],
        ['县级及以下食宿费 60 元/天·人，地级市 80 元/天·人', 'Meals and lodging 60 yuan/day county and below, 80 prefecture city'],
      ),
    ];
  }),
  f(
    'travel.technicalGuidanceExcludesTravelDays',
    'TR-3',
    'flag',
    ['不计去程和返程当天', 'Excludes departure and return days'],
    ['不计去的那天和回程当天', 'Not counting the departure and return days'],
  ),
  f(
    'travel.technicalGuidanceMaxDays',
    'TR-3',
    'days',
    ['技术指导补贴最多天数', 'Technical guidance at most (days)'],
    ['最多不超过 7 天', 'At most 7 days'],
  ),
  f(
    'travel.noMealsLodgingWhenClientProvides',
    'TR-3',
    'flag',
    ['对方提供食宿不补贴', 'None when client provides board'],
    ['对方提供食宿的，每天的补贴取消', 'None when the client provides board and lodging'],
  ),
  f(
    'travel.newEmployeeDailyFen',
    'TR-3',
    'fen',
    ['新员工出差补贴（每天）', 'New employee allowance (per day)'],
    ['新员工 60 元/天，不计提成', 'New employees 60 yuan/day, no commission'],
  ),
  f(
    'travel.newEmployeeMonths',
    'TR-3',
    'months',
    ['新员工期（月，自入职日）', 'New-employee period (months from the hire date)'],
    ['新员工 60 元/天，不计提成', 'New employees 60 yuan/day, no commission'],
  ),
  f(
    'travel.allowanceScheme',
    'TR-3b',
    'choice',
    ['出差补贴方式', 'Travel allowance scheme'],
    ['按目的地标准补贴，或按天包干出差补贴', 'Rates by destination, or a flat daily travel allowance'],
  ),
  f(
    'travel.flatDailyFen',
    'TR-3b',
    'fen',
    ['包干出差补贴（每天）', 'Flat travel allowance (per day)'],
    ['出差补贴按天包干，特殊地区经总经理批准可提高', 'A flat daily travel allowance; the GM may raise it for special regions'],
  ),
  f(
    'travel.regionalOfficeLodgingDailyFen',
    'TR-3',
    'fen',
    ['办事处住宿补贴（每天）', 'Regional office lodging (per day)'],
    ['办事处住宿补贴按天计', 'Regional office lodging allowance per day'],
  ),
  f(
    'travel.phoneMonthlyFen',
    'TR-3',
    'fen',
    ['话费补贴（每月）', 'Phone allowance (per month)'],
    ['话费补贴按月计', 'Phone allowance per month'],
  ),
  f(
    'travel.allowedTransport.*',
    'TR-2',
    'choice',
    ['可直接乘坐的交通工具', 'Transport without approval'],
    ['一般只允许乘坐汽车、火车、轮船，市内公交车、地铁', 'Bus, train, ship; city transit bus/metro'],
  ),
  f(
    'travel.transportNeedingApproval.*',
    'TR-2',
    'choice',
    ['需事先申请的交通工具', 'Transport needing approval'],
    ['乘坐飞机或打的等其它交通工具应事先提出申请', 'Plane, taxi and others need prior approval'],
  ),
  f(
    'travel.beyondItineraryNeedsApproval',
    'TR-1',
    'flag',
    ['超出行程需批准', 'Beyond itinerary needs approval'],
    ['超出行程时间须申请，否则不予报销及补贴', 'Time beyond the itinerary must be approved, else no reimbursement or allowance'],
  ),
  f(
    'travel.gmMayRaiseAllowance',
    'TR-4',
    'flag',
    ['总经理可批准提高补贴', 'GM may raise the allowance'],
    ['特殊地区由总经理批准提高补贴', 'Special regions: the GM may approve a higher allowance'],
  ),
  f(
    'travel.dailyLogEveryDays',
    'AT-2',
    'days',
    ['出差汇报间隔（天）', 'Report while travelling every (days)'],
    ['出差时每天向部门经理汇报工作（另一制度：两天一次）', 'Report to the manager every day (another document: every two days)'],
  ),
];

// Text pools for generated service requests. Weights follow a Zipf-like spread, so a few faults are everywhere
// (告警, 无法开机) and some are rare (脑裂, 签名校验); the search benchmark's queries name terms of both kinds.

/** A weighted pool sampled by inverse CDF. */
export class Pool<T> {
  private readonly cdf: Float64Array;
  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length !== weights.length || items.length === 0) throw new Error('items and weights differ');
    this.cdf = new Float64Array(items.length);
    let sum = 0;
    weights.forEach((w, i) => {
      sum += w;
      this.cdf[i] = sum;
    });
    for (let i = 0; i < this.cdf.length; i++) this.cdf[i] /= sum;
  }
  /** Zipf weights 1/(rank+offset)^s over the items in the order given. */
  static zipf<T>(items: readonly T[], s = 1, offset = 1): Pool<T> {
    return new Pool(
      items,
      items.map((_, i) => 1 / (i + offset) ** s),
    );
  }
  pick(u: number): T {
    return this.items[this.index(u)];
  }
  index(u: number): number {
    let lo = 0;
    let hi = this.cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cdf[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  share(i: number): number {
    return this.cdf[i] - (i > 0 ? this.cdf[i - 1] : 0);
  }
}

/** Fault phrases, most frequent first (Zipf). */
export const ZH_FAULTS = [
  '设备告警',
  '无法开机',
  '网络中断',
  '打印机卡纸',
  '硬盘故障',
  '系统运行缓慢',
  '登录失败',
  '存储阵列告警',
  '屏幕黑屏',
  '软件报错',
  '无法连接服务器',
  '电源故障',
  '风扇异响',
  '数据库连接超时',
  '备份任务失败',
  '控制器离线',
  '蓝屏死机',
  '扫描仪无法识别',
  '授权过期',
  '内存告警',
  '接口通信异常',
  '温度过高告警',
  '磁盘空间不足',
  '交换机端口闪断',
  '图像伪影',
  '报表导出失败',
  '升级后功能异常',
  '时间同步异常',
  '证书过期',
  '光纤链路中断',
  'UPS 电池告警',
  '主机重启',
  '操作界面卡死',
  '条码打印模糊',
  '数据同步延迟',
  '虚拟机无法启动',
  '无线信号弱',
  '触摸屏失灵',
  '远程桌面无法连接',
  '日志写满',
  '机柜门锁损坏',
  '探头接触不良',
  '病历系统打不开',
  '工作站死机',
  '网卡驱动异常',
  '串口无响应',
  '阵列重建缓慢',
  '高可用切换失败',
  '负载均衡异常',
  '邮件发送失败',
];

/** Rare faults, each in about one request in ten thousand. */
export const ZH_RARE = ['双活集群仲裁脑裂', '固件签名校验失败', '主板电容鼓包', '球管热容量告警', '光模块误码率升高', '机房漏水传感器误报'];
export const RARE_SHARE = 1e-4;

export const EN_FAULTS = [
  'controller offline',
  'disk degraded',
  'network timeout',
  'printer jam',
  'license expired',
  'firmware upgrade failed',
  'kernel panic',
  'memory leak',
  'certificate expired',
  'RAID rebuild stuck',
  'backup job failed',
  'login failure',
  'fan failure',
  'power supply fault',
  'database connection refused',
  'HL7 interface error',
  'DICOM transfer failed',
  'high CPU usage',
  'packet loss',
  'service unavailable',
];

export const ZH_DETAILS = [
  '影响门诊业务',
  '客户要求今天处理',
  '已远程重启无效',
  '需要现场处理',
  '备件已寄出',
  '客户已重启两次',
  '多个科室同时出现',
  '夜间批处理后出现',
  '更换网线后仍然存在',
  '客户现场有人值守',
  '已收集日志',
  '偶发，无法稳定复现',
  '影响生产线',
  '领导关注，请尽快处理',
  '上周已处理过一次',
];

export const ZH_OPENERS = ['客户反馈', '客户来电称', '巡检时发现', '值班人员报告', '监控平台显示', '用户投诉'];

export const ZH_CAUSES = [
  '硬盘老化',
  '配置错误',
  '网线松动',
  '驱动版本不兼容',
  '电源模块损坏',
  '操作不当',
  '固件缺陷',
  '散热不良',
  '授权到期',
  '第三方软件冲突',
];
export const ZH_SOLUTIONS = [
  '更换硬盘并重建阵列',
  '修正配置并重启服务',
  '重新插拔网线',
  '升级驱动到最新版本',
  '更换电源模块',
  '指导客户正确操作',
  '升级固件',
  '清理灰尘并更换风扇',
  '续期授权',
  '卸载冲突软件',
];

export const PRODUCT_LINES: { name: string; products: { name: string; model: string }[] }[] = [
  {
    name: '存储',
    products: [
      { name: 'X9 存储', model: 'X9' },
      { name: 'X5 存储', model: 'X5' },
      { name: 'N3 备份一体机', model: 'N3' },
      { name: 'S2 分布式存储', model: 'S2' },
    ],
  },
  {
    name: '服务器',
    products: [
      { name: 'R740 服务器', model: 'R740' },
      { name: 'R540 服务器', model: 'R540' },
      { name: 'B8 刀片服务器', model: 'B8' },
      { name: 'T3 塔式服务器', model: 'T3' },
    ],
  },
  {
    name: '网络',
    products: [
      { name: 'Z1 网关', model: 'Z1' },
      { name: 'S5 交换机', model: 'S5' },
      { name: 'F2 防火墙', model: 'F2' },
      { name: 'W6 无线控制器', model: 'W6' },
    ],
  },
  {
    name: '打印',
    products: [
      { name: 'P8 激光打印机', model: 'P8' },
      { name: 'L2 标签打印机', model: 'L2P' },
      { name: 'K1 扫描仪', model: 'K1' },
    ],
  },
  {
    name: '医疗影像',
    products: [
      { name: 'CT-64 扫描系统', model: 'CT64' },
      { name: 'DR 数字 X 光机', model: 'DR1' },
      { name: 'US5 超声', model: 'US5' },
      { name: 'PACS 影像归档', model: 'PACS' },
    ],
  },
  {
    name: '软件',
    products: [
      { name: 'HIS 医院信息系统', model: 'HIS' },
      { name: 'LIS 检验系统', model: 'LIS' },
      { name: 'ERP 企业套件', model: 'ERP' },
      { name: 'OA 办公平台', model: 'OA' },
    ],
  },
];

export const CITIES = [
  '上海',
  '北京',
  '广州',
  '深圳',
  '杭州',
  '南京',
  '苏州',
  '成都',
  '武汉',
  '西安',
  '重庆',
  '天津',
  '长沙',
  '郑州',
  '济南',
  '青岛',
  '合肥',
  '福州',
  '厦门',
  '昆明',
];
export const CUSTOMER_KINDS = [
  '人民医院',
  '中医院',
  '妇幼保健院',
  '精密制造有限公司',
  '电子科技有限公司',
  '物流有限公司',
  '商业银行分行',
  '大学',
  '中学',
  '区政务服务中心',
  '供电公司',
  '汽车零部件有限公司',
  '制药有限公司',
  '连锁超市',
  '酒店',
];
export const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
  '何',
  '郭',
  '马',
  '罗',
];
export const TITLES = ['主任', '工程师', '科长', '经理', '老师', '护士长', '处长'];

// Global search (issue 12 item 8), Simplified Chinese (the default language).
export const zhCN = {
  open: '搜索',
  placeholder: '搜索服务请求编号、标题、联系人姓名或电话，客户，责任书，用户',
  hint: '↑↓ 选择，回车打开，退出键关闭',
  empty: '没有找到结果',
  tooShort: '请输入要搜索的内容',
  group_tickets: '服务请求',
  group_customers: '客户',
  group_letters: '项目责任书',
  group_users: '用户',
};

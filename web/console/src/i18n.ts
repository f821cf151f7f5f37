import { createI18n } from 'vue-i18n'

// Chinese by default (the halls' language); English is the fallback for any key not translated.
const zh = {
  app: { title: '政务云工作台', signOut: '退出登录', tenant: '所属', roles: '角色', site: '站点' },
  menu: {
    inbox: '办件收件箱', queue: '窗口叫号', display: '叫号大屏', appointments: '预约日历', reviews: '评价与整改',
    catalog: '事项目录', dashboard: '全省看板', planned: '建设中',
  },
  inbox: {
    title: '办件收件箱', number: '办件编号', item: '事项', applicant: '申请人', status: '状态', submitted: '提交时间',
    deadline: '承诺期限', daysLeft: '剩余', days: '{n} 个工作日', overdue: '已超期', near: '即将到期', empty: '暂无待办办件',
    refresh: '刷新', open: '办理',
  },
  case: {
    back: '返回收件箱', materials: '收件材料', timeline: '办理过程', clock: '时限', holder: '当前环节', window: '窗口',
    accept: '受理', notice: '一次性告知', reject: '不予受理', approve: '审批通过', deny: '不予批准', reason: '理由',
    competentBody: '有权机关', noticeTitle: '一次性告知书', noticeHint: '勾选全部缺少或不符合要求的材料，并写明如何补正（C2）',
    problem: '问题', howToFix: '补正方式', issue: '出具告知书', cancel: '取消', done: '操作成功', copies: '{n} 份',
    uploaded: '已上传', deadline: '办结期限', daysLeft: '剩余 {n} 个工作日', nextStep: '下一步', version: '版本',
  },
  display: { title: '叫号大屏', calling: '请以下号码到窗口办理', waiting: '等候人数', window: '窗口', none: '暂无叫号', pick: '选择大厅' },
  queue: {
    title: '窗口叫号', window: '本窗口', callNext: '叫下一位', recall: '重呼', finish: '办结', miss: '过号', transfer: '转窗口',
    current: '当前号码', none: '暂无等候', waiting: '等候',
  },
}

const en = {
  app: { title: 'ZWY console', signOut: 'Sign out', tenant: 'Tenant', roles: 'Roles', site: 'Site' },
  menu: { inbox: 'Case inbox', queue: 'Window queue', display: 'Hall display', appointments: 'Appointments', reviews: 'Reviews', catalog: 'Catalog', dashboard: 'Dashboard', planned: 'planned' },
}

export const i18n = createI18n({ legacy: false, locale: 'zh-CN', fallbackLocale: 'en', messages: { 'zh-CN': zh, en } })

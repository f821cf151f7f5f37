import { createI18n } from 'vue-i18n'

// Chinese by default (the halls' language); English is the fallback for any key not translated.
const zh = {
  app: { title: '政务云工作台', signOut: '退出登录', tenant: '所属', roles: '角色', site: '站点' },
  menu: {
    inbox: '办件收件箱', queue: '窗口叫号', display: '叫号大屏', appointments: '预约日历', reviews: '评价与整改',
    catalog: '事项目录', organisation: '机构与人员', dashboard: '比较看板', complaints: '投诉处理', planned: '建设中', indicators: '指标与名单',
    bookings: '当日预约', joint: '联办意见', guide: '智能导办',
  },
  guideDesk: {
    title: '智能导办', hall: '所在大厅', item: '单个事项', package: '一件事', search: '事项或一件事名称，如 身份证', find: '查找',
    hint: '问清办事群众要办的事，按情形引导只问适用的问题；能在自助终端办的请到自助服务区办理，需到窗口的直接为其取号；一件事只取一个号，在综合受理窗口一窗受理；窗口叫号时即可看到所办事项和材料（G1、G2、G3）。',
    nothing: '没有找到', pick: '从左侧选择办事群众要办的事项或一件事', askedFor: '适用于', ok: '确定', back: '上一题',
    materials: '需备齐的材料', green: '绿色通道（老年人、残疾人等）', issue: '取号', print: '打印号票', next: '下一位',
    part: '事项', where: '办理去向', issuePackage: '取号（综合受理窗口一窗受理）',
  },
  inbox: {
    title: '办件收件箱', number: '办件编号', item: '事项', applicant: '申请人', status: '状态', submitted: '提交时间',
    deadline: '承诺期限', daysLeft: '剩余', days: '{n} 个工作日', overdue: '已超期', near: '即将到期', empty: '暂无待办办件',
    refresh: '刷新', open: '办理', allDepartments: '全部部门',
    queues: { OWN: '本中心办件', RECEIVED_FOR_OTHERS: '代收通办件', ESCALATED_TO_US: '下级报送联办' },
    queueHints: {
      OWN: '本中心的在办件（异地收件的，材料到达后才在此出现）；可按承办部门查看（T5）。',
      RECEIVED_FOR_OTHERS: '本大厅为其他地区代收的通办件：核对、1 个工作日内转交，结果到达后交付申请人（C12）。',
      ESCALATED_TO_US: '下级报送本级联办的办件：审核后答复下级（跨层联办，C11）。',
    },
  },
  case: {
    back: '返回收件箱', materials: '收件材料', formValues: '申请表填写内容', timeline: '办理过程', clock: '时限', holder: '当前环节', window: '窗口',
    accept: '受理', notice: '一次性告知', reject: '不予受理', approve: '审批通过', deny: '不予批准', reason: '理由',
    competentBody: '有权机关', noticeTitle: '一次性告知书', noticeHint: '勾选全部缺少或不符合要求的材料，并写明如何补正（C2）',
    problem: '问题', howToFix: '补正方式', issue: '出具告知书', cancel: '取消', done: '操作成功', copies: '{n} 份',
    uploaded: '已上传', deadline: '办结期限', daysLeft: '剩余 {n} 个工作日', nextStep: '下一步', version: '版本',
    reveal: '查看', revealTitle: '查看完整个人信息', revealReason: '查看事由，如：窗口核验身份',
    revealHint: '个人信息不得泄露（M3）。查看完整号码须说明事由，查看人、时间和事由将被记录。', revealReasonRequired: '请填写查看事由',
    requestExtension: '申请延期', extensionHint: '须在办结期限届满前申请并说明理由，由中心负责人批准，申请人将收到告知（C6）。',
    extensionDays: '延长天数', extensionTitle: '延期 {n} 天', requestedBy: '申请人', decidedBy: '审批人',
    approveExtension: '批准延期', refuseExtension: '不予批准', joint: '联合办理：各部门意见（C10）',
    escalatedTo: '已报送 {to} 联办（{on}）', relay: '通办件（C12）：{state}', forwardDue: '应于 {d} 前转交', resultDue: '结果应于 {d} 前回传',
    escalationReply: '本级审核意见', agree: '同意', disagree: '不同意', forwardOnline: '网上转交',
  },
  display: { title: '叫号大屏', calling: '请以下号码到窗口办理', waiting: '等候人数', window: '窗口', none: '暂无叫号', pick: '选择大厅' },
  queue: {
    title: '窗口叫号', window: '本窗口', callNext: '叫下一位', recall: '重呼', finish: '办结', miss: '过号', transfer: '转窗口',
    current: '当前号码', none: '暂无等候', waiting: '等候', comesFor: '办理事项', situation: '导办情形', materials: '需备齐的材料', parts: '一窗办理的事项', skipped: '无需办理',
  },
  reviews: {
    title: '差评与整改', hint: '每条差评都要答复；属实的整改、回访、办结，每一步有期限（V6，工作日）。', filter: '整改状态', all: '全部差评',
    filters: { OPEN: '待指派', ASSIGNED: '待核实答复', VERIFIED: '已核实', RECTIFIED: '待回访', CALLED_BACK: '待办结', CLOSED: '已办结', LATE: '已超期' },
    empty: '暂无差评', when: '评价时间', subject: '评价对象', level: '评价', reasons: '差评原因', served: '服务人员 · 窗口',
    state: '整改状态', due: '本步期限', comment: '评价内容', reviewer: '评价人', late: '超期环节', done: '已提交',
    steps: { assign: '指派', verify: '核实答复', rectify: '整改', callBack: '回访', close: '办结' },
    assignee: '责任人', assigneeHint: '责任人账号，如 lianshan.clerk（谁办理谁负责）', finding: '核实结论', reply: '答复评价人',
    replyHint: '差评回复，将发送给评价人', listReviewer: '列入失信名单', listingReason: '列入理由', measures: '整改措施',
    callBackAnswer: '回访结果', satisfied: '满意', unsatisfied: '不满意', note: '备注', submit: '提交',
  },
  complaints: {
    title: '投诉处理', hint: '3 个工作日内决定是否受理；一般投诉 3 个、复杂投诉 10 个工作日内答复，特殊情况书面告知后延至 30 个工作日（P2、P3）。',
    state: '状态', all: '全部', late: '仅看超期', empty: '暂无投诉', filed: '投诉时间', channel: '渠道', about: '被投诉窗口 · 人员',
    reason: '投诉事由', clock: '当前期限', complainant: '投诉人', hidden: '（应投诉人要求保密）', expectation: '诉求',
    accept: '受理', onSpot: '当场受理', refuse: '不予受理', assign: '分派办理', delay: '延期', result: '答复结果',
    refusalReason: '理由及依据', refusalChannel: '告知途径', guidance: '告知内容（不填用标准文本）', mode: '办理方式',
    complexity: '复杂程度', department: '承办部门', handler: '调查人账号', notice: '书面延期告知', workingDays: '延至（工作日）',
    resultText: '调查结论及处理情况', record: '登记投诉', phone: '联系电话', email: '电子邮箱',
    confidential: '对被投诉人保密', import: '导入 12345 工单', hotlineTicket: '12345 工单号', hotlineHint: '重复导入同一工单不会重复登记', hall: '大厅', window: '窗口', staff: '被投诉人员', verified: '投诉属实', done: '已提交', submit: '提交', handling: '办理', steps: '超期环节',
  },
  org: {
    title: '机构与人员', hint: '大厅、部门、窗口（业务类别与 A/B 岗）、工作人员和角色、闭厅与特殊开放日；只有中心管理员可以修改。',
    windows: '窗口与 A/B 岗', staff: '工作人员', departments: '部门', halls: '大厅与闭厅', addWindow: '新增窗口', addStaff: '新增人员',
    addDepartment: '新增部门', disable: '停用', disableConfirm: '停用 {name} 的账号？停用后不能再登录。',
    secretTitle: '一次性激活口令', secret: '账号 {user} 的一次性激活口令：{secret}。只显示这一次，请当面交给本人，登录后须立即设置自己的密码。',
    closures: '闭厅与特殊开放日', closuresHint: '闭厅当天不计工作日（期限顺延）、不开放预约；特殊开放日（如周六预约办理日）按所设时段开放。',
    saveDay: '保存', removeDay: '撤销该日设置',
  },
  catalog: {
    title: '事项目录', search: '事项名称或基本编码', adopt: '采用标准事项', adoptOne: '采用', searchStandard: '搜索省级标准目录', item: '事项', status: '状态',
    pick: '从左侧选择事项', edit: '编辑办事指南', publish: '发布', versions: '版本历史', save: '保存草稿', check: '发布前检查',
    saved: '草稿已保存，可以发布', savedIncomplete: '草稿已保存；发布前还有 {n} 项要补充', publishable: '检查通过，可以发布', problems: '{n} 项问题，见各字段',
    publishHint: '发布即公告：变更理由和生效日期对外公布，生效日期不早于公告后第 5 个工作日（S6）。', draftChanges: '草稿与现行版本的差异',
    noChanges: '没有差异', reason: '变更理由', effectiveFrom: '生效日期', earliest: '最早 {d}', published: '已发布 v{n}，{d} 生效',
    noDraft: '没有待发布的草稿：先在“编辑办事指南”保存草稿', compare: '比较版本',
  },
  appointments: {
    title: '预约日历', hall: '大厅', item: '事项', from: '起始日期', day: '日', week: '周', time: '时段', total: '已约 {booked} / {capacity}',
    hint: '每个时段：已预约 / 名额（名额 = 办理预约的窗口数 × 每窗口每时段接待量，A1）。已过去的时段不再列出。',
    empty: '所选日期没有该事项的预约时段（休息日、未开放或已过去）', releases: '{at} 放号',
    code: '预约码', checkIn: '签到取号', checkedIn: '已签到：{code} {item} {at}',
    bars: '爽约限制', barsHint: '同一期间内多次预约未到的，暂停预约（A2）；中心管理员可说明理由后解除。', noBars: '暂无限制',
    lift: '解除限制', liftHint: '请说明解除理由（将与限制记录一并保存）', liftReasonRequired: '请填写解除理由',
  },
  indicators: {
    title: '指标与名单', reviews: '评价指标', appraisal: '投诉考评', reviewDishonesty: '恶意差评名单', caseDishonesty: '容缺失信名单',
    dimension: '维度', period: '期间', year: '年度', empty: '该期间没有办结的服务', noVerified: '本年度没有属实投诉', emptyList: '名单为空',
    reviewsHint: '好评率 = 好评 / 评价；主动好评率 = 好评 / 服务；未评率 = 未评价 / 服务；整改率、整改满意率按属实差评计（V7、V8）。',
    appraisalHint: '年度内属实投诉达到 {n} 件的，不得评为优秀（P5）。',
    reviewDishonestyHint: '核实为恶意差评的评价人（V5）；中心管理员可说明理由后解除。',
    caseDishonestyHint: '容缺受理后未在承诺日期前补齐材料的申请人（C5）；证件号码保持脱敏（M3）。',
    lift: '解除', liftHint: '请说明解除理由（将与名单一并保存）', liftReasonRequired: '请填写解除理由',
  },
  dashboard: {
    title: '比较看板', region: '比较范围', period: '期间', rankBy: '排名依据', ranking: '排名', export: '导出 Excel',
    trend: '趋势', total: '合计', unit: { COUNTY: '区县', HALL: '大厅', WINDOW: '窗口', STAFF: '工作人员' },
    rank: '名次', accepted: '受理', completed: '办结', onTimeRate: '按时办结率', overdue: '超期（窗口原因）', visits: '叫号服务',
    reviews: '评价', goodRate: '好评率', unratedRate: '未评率', complaints: '投诉', complaintsVerified: '属实投诉',
    drill: '点击一行下钻', back: '返回上一级', exported: '已下载',
    indicators: { VOLUME: '受理量', ON_TIME_RATE: '按时办结率', OVERDUE: '超期件数', GOOD_RATE: '好评率', UNRATED_RATE: '未评率', COMPLAINTS: '投诉件数' },
  },
}

const en = {
  app: { title: 'ZWY console', signOut: 'Sign out', tenant: 'Tenant', roles: 'Roles', site: 'Site' },
  menu: { inbox: 'Case inbox', queue: 'Window queue', display: 'Hall display', appointments: 'Appointments', reviews: 'Reviews', catalog: 'Catalog', dashboard: 'Dashboard', complaints: 'Complaints', planned: 'planned', bookings: 'Day bookings', joint: 'Joint reviews', guide: 'Guidance desk' },
}

export const i18n = createI18n({ legacy: false, locale: 'zh-CN', fallbackLocale: 'en', messages: { 'zh-CN': zh, en } })

import { createI18n } from 'vue-i18n'

// Chinese by default; English only as the fallback of an untranslated key.
const zh = {
  app: { title: '政务服务', search: '搜索办事指南（中文或拼音，如 shebaoka）', region: '办事地区', largeText: '大字模式', myCases: '我的办件', home: '首页', signIn: '登录', signOut: '退出' },
  search: { results: '共 {n} 项', none: '没有找到相关事项，换个说法试试', local: '本地', online: '可网办', suggestions: '您是不是要找' },
  guide: {
    agency: '实施机构', conditions: '受理条件', materials: '申请材料', limit: '承诺时限', fees: '收费', free: '不收费',
    windows: '办理窗口', hours: '办理时间', phone: '咨询电话', apply: '在线申请', notOnline: '本事项需到窗口办理', blankForm: '空白表格', sample: '示例样表',
    copies: '{n} 份', required: '必需', optional: '非必需', units: { WORKING_DAY: '个工作日', NATURAL_DAY: '个自然日' },
  },
  apply: {
    title: '在线申请', applicant: '申请人', name: '姓名', idNumber: '身份证号', phone: '联系电话', materials: '提交材料',
    materialsHint: '请勾选已准备的材料', submit: '提交申请', submitted: '已提交，办件编号 {n}', photo: '拍照上传（可选）',
  },
  case: { title: '办件进度', number: '办件编号', status: '状态', deadline: '承诺办结日期', nextStep: '下一步', live: '实时更新中', notice: '一次性告知', howToFix: '补正方式' },
  cases: { empty: '暂无办件' },
}

export const i18n = createI18n({ legacy: false, locale: 'zh-CN', fallbackLocale: 'zh-CN', messages: { 'zh-CN': zh } })

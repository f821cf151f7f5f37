/**
 * The catalog editor's logic (S3, S5, S6): the server's problems placed on the fields they name, a guide as the
 * draft input it is saved as, and the readable difference between two versions of a guide.
 */

/** A problem as the API names it: a refused save (error extensions) or what validateGuide / missingForPublication list. */
export interface Problem { field?: string | null; message: string; rule?: string | null }

/**
 * The problems by field, without the input's "guide." prefix ("materials[0].copies", "promisedLimit.value"); a problem
 * without a field goes under "".
 */
export function problemsByField(problems: readonly Problem[]): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const p of problems) {
    const key = (p.field ?? '').replace(/^guide\.?/, '')
    ;(out[key] ??= []).push(p.rule ? `${p.message}（${p.rule}）` : p.message)
  }
  return out
}

/** The messages for a form field: those naming it or a part of it ("promisedLimit" shows "promisedLimit.value"). */
export function messagesFor(byField: Record<string, string[]>, field: string): string[] {
  return Object.entries(byField)
    .filter(([k]) => k === field || k.startsWith(field + '.') || k.startsWith(field + '['))
    .flatMap(([, v]) => v)
}

type Json = unknown

/** A guide read from the API as the GuideInput of saveGuideDraft: the same fields, without nulls and __typename. */
export function toInput<T>(guide: T): T {
  const clean = (v: Json): Json => {
    if (Array.isArray(v)) return v.map(clean)
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v as Record<string, Json>)
        .filter(([k, x]) => k !== '__typename' && x !== null && x !== undefined)
        .map(([k, x]) => [k, clean(x)]))
    }
    return v
  }
  return clean(guide) as T
}

/** One line of a readable diff: what changed, before and after, in the words of the guide. */
export interface Change { field: string; kind: 'added' | 'removed' | 'changed'; before: string; after: string }

export const GUIDE_LABELS: Record<string, string> = {
  implementingAgency: '实施机构', audience: '服务对象', acceptanceConditions: '受理条件', materials: '申请材料', fillingNotes: '填报须知',
  acceptanceStandard: '受理标准', steps: '办理流程', promisedLimit: '承诺时限', caseClass: '办件类型', fees: '收费', resultSample: '结果样本',
  expressDelivery: '快递送达', quantityLimit: '数量限制', consultPhone: '咨询电话', supervisionPhone: '监督电话', windows: '办理窗口',
  faq: '常见问题', tags: '六办标签', booking: '可预约', onlineFiling: '可网办', toleratedMissing: '容缺受理', crossRegion: '通办范围',
}
const UNITS: Record<string, string> = { WORKING_DAY: '个工作日', NATURAL_DAY: '个自然日' }
const ENUMS: Record<string, string> = {
  INSTANT: '即办件', PROMISED: '承诺件', REPLY: '答复件', JOINT: '联办件', ESCALATED: '上报件',
  INDIVIDUAL: '个人', ENTERPRISE: '企业', ORGANISATION: '组织',
  NONE: '仅本地', SAME_CITY: '同城通办', PROVINCE: '全省通办', NATIONWIDE: '跨省通办',
  SELF_SERVICE: '自助办', IMMEDIATE: '马上办', TOLERATED_MISSING: '容缺办', FULLY_ONLINE: '全网办', ONE_ID: '一证办', NEARBY: '就近办',
  ORIGINAL: '原件', COPY: '复印件', ORIGINAL_AND_COPY: '原件和复印件', PAPER: '纸质', ELECTRONIC: '电子', PAPER_OR_ELECTRONIC: '纸质或电子',
}

/** A value of the guide as a reader says it: 20个工作日, 是/否, enum names in Chinese, lists joined. */
export function say(v: Json): string {
  if (v === null || v === undefined || v === '') return '（无）'
  if (typeof v === 'boolean') return v ? '是' : '否'
  if (typeof v === 'string') return ENUMS[v] ?? v
  if (typeof v === 'number') return String(v)
  if (Array.isArray(v)) return v.length ? v.map(say).join('、') : '（无）'
  const o = v as Record<string, Json>
  if ('value' in o && 'unit' in o) return `${String(o.value)}${UNITS[String(o.unit)] ?? String(o.unit)}`
  if ('title' in o && 'ref' in o) return `${String(o.title)}（${String(o.ref)}）`
  return Object.entries(o).filter(([k, x]) => k !== '__typename' && x != null && x !== '').map(([k, x]) => `${MATERIAL_LABELS[k] ?? k}：${say(x)}`).join('，')
}

const MATERIAL_LABELS: Record<string, string> = {
  name: '名称', form: '形式', copies: '份数', medium: '载体', required: '必需', toleratedMissing: '可容缺', blankForm: '空白表格', sample: '示例样表',
  acceptanceStandard: '受理标准', notes: '备注', description: '说明', standard: '标准', amount: '金额', basis: '依据', location: '地点', hours: '时间',
  question: '问', answer: '答',
}

/** Lists whose entries have a name (or question): compared entry by entry, so a changed material reads as one line. */
const KEYED: Record<string, string> = { materials: 'name', steps: 'name', fees: 'name', windows: 'name', faq: 'question' }

/** What changed from guide {@code a} to guide {@code b}, field by field in the guide's order; named list entries one by one. */
export function guideDiff(a: Record<string, Json> | null | undefined, b: Record<string, Json> | null | undefined): Change[] {
  const out: Change[] = []
  const before = a ?? {}
  const after = b ?? {}
  const fields = [...Object.keys(GUIDE_LABELS), ...Object.keys({ ...before, ...after }).filter((k) => !(k in GUIDE_LABELS) && k !== '__typename')]
  for (const f of fields) {
    const x = before[f]
    const y = after[f]
    if (same(x, y)) continue
    const key = KEYED[f]
    if (key && (Array.isArray(x) || Array.isArray(y))) {
      const xs = (Array.isArray(x) ? x : []) as Record<string, Json>[]
      const ys = (Array.isArray(y) ? y : []) as Record<string, Json>[]
      const label = GUIDE_LABELS[f] ?? f
      for (const e of xs) {
        const other = ys.find((o) => o[key] === e[key])
        if (!other) out.push({ field: `${label}：${String(e[key])}`, kind: 'removed', before: say(e), after: '' })
        else if (!same(e, other)) out.push({ field: `${label}：${String(e[key])}`, kind: 'changed', before: say(e), after: say(other) })
      }
      for (const e of ys) {
        if (!xs.some((o) => o[key] === e[key])) out.push({ field: `${label}：${String(e[key])}`, kind: 'added', before: '', after: say(e) })
      }
      continue
    }
    const empty = (v: Json) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)
    out.push({ field: GUIDE_LABELS[f] ?? f, kind: empty(x) ? 'added' : empty(y) ? 'removed' : 'changed', before: empty(x) ? '' : say(x), after: empty(y) ? '' : say(y) })
  }
  return out
}

function same(x: Json, y: Json): boolean {
  return JSON.stringify(toInput(x ?? null)) === JSON.stringify(toInput(y ?? null))
}

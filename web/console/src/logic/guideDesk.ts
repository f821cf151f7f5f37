/**
 * The guides' desk (智能导办, G1; ADR 0036, 0037): what the screen computes while a guide (引导员) walks an item's or a
 * package's situation-based guide with the citizen (G2) — the answers to send, where the outcome sends the citizen (a whole
 * package: one ticket at the comprehensive windows, 一窗受理 G3), and the walk-in ticket's lines. The server walks the
 * answers again and decides; this only prepares and shows.
 */

export interface Answer { questionId: string; value: string }
export interface Option { value: string | null; label: string; min: number | null; max: number | null; next: string }
export interface Question { id: string; text: string; type: 'CHOICE' | 'YES_NO' | 'NUMBER'; help: string | null; options: Option[] }
export interface Step { questionId: string; question: string; value: string; label: string }
export interface RouteWindow { hall: string; number: string; name: string }
export interface Route { channel: 'KIOSK' | 'ONLINE' | 'WINDOW'; category: string | null; categoryName: string | null; windows: RouteWindow[]; where: string }
export interface Outcome {
  id: string; title: string; subItem: string | null; channel: 'KIOSK' | 'ONLINE' | 'WINDOW'; notApplicable: boolean; notes: string | null
  materials: { name: string; required: boolean | null; copies: number | null }[]; route: Route | null
}
export interface ItemWalk { itemId: string; name: string; answered: Step[]; next: Question | null; outcome: Outcome | null; complete: boolean }
export interface PackageStep { key: string; question: string; value: string; label: string; askedFor: string[] }
export interface PackagePart { itemId: string; name: string; complete: boolean; applies: boolean; outcome: Outcome | null; route: Route | null }
export interface PackageWalk {
  packageId: string; name: string; answered: PackageStep[]; next: { key: string; question: Question; askedFor: string[] } | null
  complete: boolean; parts: PackagePart[]; materials: { name: string; usedBy: string[] }[] | null; skipped: { itemName: string; reason: string }[]
}
export interface VisitPart { itemName: string; subItem: string | null; channel: 'KIOSK' | 'ONLINE' | 'WINDOW' }
/** What the ticket is for: an item, or (packageId set) a whole package with its applying parts and the skipped ones. */
export interface Visit {
  itemId: string; itemName: string; outcome: string | null; subItem: string | null; materials: string[]
  packageId?: string | null; parts?: VisitPart[] | null; skipped?: { itemName: string; reason: string }[] | null
}
export interface Ticket {
  id: string; number: string; businessCategory: string; kind: string; position: number | null; peopleAhead: number | null
  expectedWaitMinutes: number | null; takenAt: string; replayed: boolean; visit: Visit | null
}

/**
 * The answers after the citizen answers {@code questionId}: the answers to the questions asked before it on the path
 * (in the order asked), then this one. An answer changed earlier drops the later ones: they may no longer be asked.
 */
export function answering(answered: readonly { questionId?: string; key?: string }[], given: readonly Answer[], questionId: string,
  value: string): Answer[] {
  const out: Answer[] = []
  for (const s of answered) {
    const id = s.questionId ?? s.key ?? ''
    if (id === questionId) break
    const a = given.find((g) => g.questionId === id)
    if (a) out.push(a)
  }
  out.push({ questionId, value: value.trim() })
  return out
}

/** The answers without the last one asked (the guide steps back a question). */
export function stepBack(answered: readonly { questionId?: string; key?: string }[], given: readonly Answer[]): Answer[] {
  const ids = answered.slice(0, -1).map((s) => s.questionId ?? s.key ?? '')
  return given.filter((g) => ids.includes(g.questionId))
}

/** A NUMBER answer as typed: whole and not negative, else the message to show. */
export function numberAnswer(typed: string): { value: string | null; error: string | null } {
  const t = typed.trim()
  if (!/^\d{1,9}$/.test(t)) return { value: null, error: '请输入整数' }
  return { value: String(Number(t)), error: null }
}

export type Advice = { kind: 'KIOSK' | 'ONLINE' | 'WINDOW' | 'NONE'; text: string; ticket: boolean }

/**
 * Where the outcome sends the citizen (G1): a kiosk outcome to the self-service area (no ticket), an online one to the
 * online hall (no ticket), a window route to the windows serving the item (a ticket), a part or item that does not
 * apply nowhere.
 */
export function advice(outcome: Outcome | null, route: Route | null): Advice {
  if (outcome?.notApplicable) return { kind: 'NONE', text: `无需办理：${outcome.title}${outcome.notes ? '（' + outcome.notes + '）' : ''}`, ticket: false }
  const channel = route?.channel ?? outcome?.channel ?? 'WINDOW'
  if (channel === 'KIOSK') return { kind: 'KIOSK', text: '请到自助服务区办理' + (route ? `：${route.where}` : ''), ticket: false }
  if (channel === 'ONLINE') return { kind: 'ONLINE', text: '可网上办理，无需排队' + (route ? `：${route.where}` : ''), ticket: false }
  return { kind: 'WINDOW', text: route?.where ?? '请到综合受理窗口办理', ticket: true }
}

/**
 * Where a complete package walk sends the citizen (G3 一窗受理, ADR 0037): one ticket for the whole package at the hall's
 * comprehensive windows, which take every part at once — unless no part that applies needs a window (the self-service area
 * or the online hall, no ticket).
 */
export function packageAdvice(pkg: PackageWalk | null): Advice | null {
  if (!pkg?.complete) return null
  const applying = pkg.parts.filter((p) => p.applies)
  const kinds = applying.map((p) => advice(p.outcome, p.route).kind)
  if (kinds.includes('WINDOW')) {
    return { kind: 'WINDOW', text: `整个“${pkg.name}”在综合受理窗口一窗受理，只取一个号：${applying.map((p) => p.name).join('、')}`, ticket: true }
  }
  if (kinds.includes('KIOSK')) return { kind: 'KIOSK', text: '需办理的事项可在自助终端办理：请到自助服务区办理，无需取号', ticket: false }
  return { kind: 'ONLINE', text: '需办理的事项可网上办理，无需排队取号', ticket: false }
}

/** The ticket as the printed slip says it: number, what for (a package: its parts, and what it does not need), and how many wait before it. */
export function ticketLines(t: Ticket, hallName: string): string[] {
  const lines = [hallName, t.number]
  if (t.visit) lines.push(t.visit.itemName + (t.visit.subItem ? `（${t.visit.subItem}）` : ''))
  if (t.visit?.parts?.length) lines.push('一窗办理：' + t.visit.parts.map((p) => p.itemName + (p.subItem ? `（${p.subItem}）` : '')).join('、'))
  if (t.visit?.skipped?.length) lines.push('无需办理：' + t.visit.skipped.map((p) => p.itemName).join('、'))
  if (t.kind === 'GREEN') lines.push('绿色通道')
  if (t.peopleAhead != null) lines.push(`前面还有 ${t.peopleAhead} 人` + (t.expectedWaitMinutes != null ? `，预计等候约 ${t.expectedWaitMinutes} 分钟` : ''))
  if (t.visit && t.visit.materials.length) lines.push('请备齐：' + t.visit.materials.join('、'))
  return lines
}

/** A fresh idempotency key for one issuing (kept while the same ticket is asked again, e.g. after a network error). */
export function issueKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID()
    : 'guide-' + Date.now().toString(36) + Math.random().toString(36).slice(2)
}

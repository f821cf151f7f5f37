/**
 * What the guidance walks answer (G1, G2, G3): the shapes of `guidance` and `packageGuidance` the phone reads, and the
 * few rules the screens apply to them. The words are the app's own (Chinese only): the guidance screens are loaded on
 * demand, so their texts stay here and out of the first screen's messages (docs/web.md).
 */
export type Channel = 'KIOSK' | 'ONLINE' | 'WINDOW'

export interface RouteWindow { hall: string; number: string; name: string }
/** G1: where the applicant goes, as the server words it (`where`). */
export interface GuidanceRoute { channel: Channel; category: string | null; categoryName: string | null; windows: RouteWindow[]; where: string }

export interface Option { value: string | null; label: string; min: number | null; max: number | null }
export interface Question { id: string; text: string; type: 'CHOICE' | 'YES_NO' | 'NUMBER'; help: string | null; options: Option[] }
export interface Answer { questionId: string; value: string }
export interface SkippedPart { itemId: string; itemName: string; reason: string }
/** A part of a package walk: whether it applies, where its answers led and where to go. */
export interface PackagePart { itemId: string; name: string; applies: boolean; outcome: { title: string; notes: string | null } | null
  route: GuidanceRoute | null }

export const ROUTE_FIELDS = 'route { channel category categoryName windows { hall number name } where }'
export const QUESTION_FIELDS = 'id text type help options { value label min max }'

/** The channel as a tag beside the route (自助办, 全网办 of S2; the window otherwise). */
export const CHANNEL: Record<Channel, string> = { KIOSK: '自助办理', ONLINE: '网上办理', WINDOW: '窗口办理' }

/** How a skipped part reads: 不需办理：<reason>. */
export const skippedText = (s: Pick<SkippedPart, 'reason'>) => '不需办理：' + s.reason

/** A ticket can be taken from the route: the windows of a hall serve the item's queue category (A5). */
export function ticketable(r: GuidanceRoute | null | undefined): r is GuidanceRoute & { category: string } {
  return !!r && r.channel === 'WINDOW' && !!r.category && r.windows.length > 0
}

/** The tenant of an item or package id (<tenantCode>:<uuid>). */
export const tenantOf = (id: string) => id.split(':')[0]

/** What a walk found, carried to the ticket and the filing (G1, G2): the item walked and the answers on its path. */
export interface Walked { itemId: string; answers: Answer[] }

/**
 * The ticket screen's address that takes the route's ticket on arrival: the route's first hall (the main hall comes
 * first), its category, and the idempotency key of this tap — a second tap, a reload or the way back from signing in
 * answer the same ticket. From a walk, also the item and its answers (G1): the ticket is then taken for the item (the
 * server walks the answers again and picks the category), so the window calling it sees what the citizen comes for.
 */
export function ticketLink(r: GuidanceRoute & { category: string }, tenantCode: string, key: string, walked?: Walked) {
  const query: Record<string, string | string[]> = { tenant: tenantCode, hall: r.windows[0].hall, category: r.category, key }
  if (walked) { query.item = walked.itemId; query.a = answersQuery(walked.answers) }
  return { path: '/ticket', query }
}

/**
 * The answers as the address carries them (a reload, the way back from signing in and a step back keep them): one
 * `a=<questionId>:<value>` each, in the order given. A question id holds no colon (letters, digits, _ and -; G2).
 */
export const answersQuery = (answers: readonly Answer[]): string[] => answers.map((a) => a.questionId + ':' + a.value)

/** The answers an address carries (`a`, once or repeated); entries without a question id are left out. */
export function answersOf(q: unknown): Answer[] {
  const list = Array.isArray(q) ? q : q == null ? [] : [q]
  return list.filter((x): x is string => typeof x === 'string').flatMap((x) => {
    const at = x.indexOf(':')
    return at > 0 ? [{ questionId: x.slice(0, at), value: x.slice(at + 1) }] : []
  })
}

/**
 * 一窗受理 (G3, ADR 0037): a complete package walk where at least one part that applies needs a window gets ONE ticket
 * for the whole package at the hall's comprehensive windows (综合受理窗口), which take every part at once — not one per
 * part. The hall is the first window part's (its route's first hall: the main hall comes first); null when no part names
 * one (the tenant's first hall is then taken). No ticket (null) while questions remain, or when every part that applies is
 * done at the kiosk or online (the server would send the citizen there instead, G1).
 */
export function packageTicket(walk: { complete: boolean; parts: PackagePart[] } | null | undefined): { hall: string | null; parts: string[] } | null {
  if (!walk?.complete) return null
  const applying = walk.parts.filter((p) => p.applies)
  const atWindow = applying.filter((p) => (p.route?.channel ?? 'WINDOW') === 'WINDOW')
  if (!atWindow.length) return null
  return { hall: atWindow.find((p) => p.route?.windows.length)?.route?.windows[0].hall ?? null, parts: applying.map((p) => p.name) }
}

/**
 * The ticket screen's address that takes the package's one ticket on arrival (G3): the hall, the package, the walk's
 * answers under the walk's keys (as packageGuidance asks them and submitPackage takes them, `id@n` included) and the tap's
 * idempotency key — a second tap, a reload or the way back from signing in answer the same ticket.
 */
export function packageTicketLink(packageId: string, hall: string | null, key: string, answers: readonly Answer[]) {
  const query: Record<string, string | string[]> = { tenant: tenantOf(packageId), package: packageId, key, a: answersQuery(answers) }
  if (hall) query.hall = hall
  return { path: '/ticket', query }
}

/** 在线申请 after a walk (G2): the item's form, told the answers, so it lists only their outcome's materials and files them. */
export const applyLink = (w: Walked) => ({ path: '/apply/' + w.itemId, query: { a: answersQuery(w.answers) } })

/** Back to the walk with its answers (修改): the path answered so far and the outcome, each answer changeable. */
export const walkLink = (w: Walked) => ({ path: '/guidance/' + w.itemId, query: w.answers.length ? { a: answersQuery(w.answers) } : {} })

/**
 * The answers of one part of a package walk, as the part's own guidance takes them (G1, G3): the steps asked for that
 * part, under the question's own id (the walk asks a question two parts ask differently as id@n).
 */
export function partAnswers(answered: readonly { key: string; value: string; askedFor: string[] }[], partName: string): Answer[] {
  return answered.filter((s) => s.askedFor.includes(partName)).map((s) => ({ questionId: s.key.replace(/@\d+$/, ''), value: s.value }))
}

/**
 * The answers to send after the applicant (re)answers the question under `key`: the answers given before it on the
 * path, then this one. A changed answer drops the later ones (they may no longer be on the path).
 */
export function answer(given: Answer[], key: string, value: string): Answer[] {
  const at = given.findIndex((a) => a.questionId === key)
  return [...(at < 0 ? given : given.slice(0, at)), { questionId: key, value }]
}

/** A NUMBER answer falls in an option's range; null when it is no whole number or in no range. */
export function numberAnswer(q: Pick<Question, 'options'>, text: string): string | null {
  if (!/^\d{1,6}$/.test(text.trim())) return null
  const n = Number(text.trim())
  return q.options.some((o) => (o.min == null || n >= o.min) && (o.max == null || n <= o.max)) ? String(n) : null
}

/** An item's walk as the online form reads it (G2): complete or the next question, and the outcome. */
export interface WalkForForm {
  complete: boolean
  answered: { questionId: string; question: string; value: string; label: string }[]
  next: { text: string } | null
  outcome: { title: string; notApplicable: boolean; notes: string | null; materials: { name: string; required: boolean | null }[] } | null
}

/**
 * The online form after a walk (G2): the outcome's materials only (submitCase takes no other), and the answers on the
 * path to file with them; or, when the answers no longer reach an outcome that is filed (the guide changed since, or the
 * item does not apply), why not — as submitCase would refuse it — and no materials, so the form cannot be sent.
 */
export function walkedForm(w: WalkForForm): { materials: { name: string; required: boolean | null }[]; answers: Answer[]; why: string | null } {
  const answers = w.answered.map((s) => ({ questionId: s.questionId, value: s.value }))
  if (!w.complete || !w.outcome) return { materials: [], answers, why: '情形引导尚未答完，还需回答：' + (w.next?.text ?? '') }
  if (w.outcome.notApplicable) return { materials: [], answers, why: '按您的情形无需办理本事项：' + w.outcome.title + (w.outcome.notes ? '：' + w.outcome.notes : '') }
  return { materials: w.outcome.materials, answers, why: null }
}

import type { Answer, SkippedPart } from './guidance'

/**
 * The one form of a "one thing" package after its guidance walk (G2, G3): only what the parts that apply ask. A part
 * that does not apply is not filed, and the server refuses a value of its own fields (formValues[i].key, G3), so its
 * fields and materials are never on the phone's form.
 */
export interface PackageField { key: string; label: string; type: 'TEXT' | 'NUMBER' | 'DATE' | 'YES_NO' | 'CHOICE' | null
  required: boolean; options: string[] | null; help: string | null; askedFor: string[] }
export interface PackageMaterial { name: string; required: boolean; usedBy: string[] }
export interface PackageWalk { complete: boolean; fields: PackageField[] | null; materials: PackageMaterial[] | null; skipped: SkippedPart[] }

/** What the phone asks: the parts' own fields (the filing fields — applicant, contact — are the form's own) and the materials, for the parts that apply. */
export function tailored(walk: PackageWalk): { fields: PackageField[]; materials: PackageMaterial[] } {
  const skipped = new Set(walk.skipped.map((s) => s.itemName))
  const applies = (parts: string[]) => parts.length === 0 || parts.some((p) => !skipped.has(p))
  return {
    fields: (walk.fields ?? []).filter((f) => f.type != null && applies(f.askedFor)),
    materials: (walk.materials ?? []).filter((m) => applies(m.usedBy)),
  }
}

/** The values typed, each once by its key (empty ones left out: a required one left empty is the server's to name). */
export function formValues(fields: PackageField[], values: Record<string, string>): { key: string; value: string }[] {
  return fields.map((f) => ({ key: f.key, value: (values[f.key] ?? '').trim() })).filter((v) => v.value !== '')
}

/** Where a refusal of submitPackage belongs on the form: a form field by key, a material by name, an applicant field, or the form. */
export type Place = { kind: 'field'; key: string } | { kind: 'material'; name: string } | { kind: 'applicant'; key: 'name' | 'idNumber' | 'phone' } | { kind: 'form' }

const APPLICANT: Record<string, 'name' | 'idNumber' | 'phone'> = {
  'applicant.name': 'name', 'contact.name': 'name', 'applicant.idNumber': 'idNumber', 'contact.phone': 'phone',
}

/** The control to show the server's refusal under, from the field it names (problem details' field, as GraphQL extensions carry it). */
export function placeOf(field: string | null | undefined, sent: { formValues: { key: string }[]; materials: { name: string }[] }): Place {
  if (!field) return { kind: 'form' }
  let m = /^formValues\[(\d+)]/.exec(field)
  if (m && sent.formValues[Number(m[1])]) return { kind: 'field', key: sent.formValues[Number(m[1])].key }
  m = /^formValues\.(\w+)$/.exec(field)
  if (m) return { kind: 'field', key: m[1] }
  m = /^materials\[(\d+)]/.exec(field)
  if (m && sent.materials[Number(m[1])]) return { kind: 'material', name: sent.materials[Number(m[1])].name }
  if (APPLICANT[field]) return { kind: 'applicant', key: APPLICANT[field] }
  return { kind: 'form' }
}

/** The package walk's answers, kept in the tab while the citizen signs in to file (the sign-in reloads the app). */
export function savedAnswers(packageId: string): Answer[] {
  try {
    return JSON.parse(sessionStorage.getItem('zwy.packageAnswers.' + packageId) ?? '[]') as Answer[]
  } catch {
    return []
  }
}
export function saveAnswers(packageId: string, answers: Answer[]) {
  sessionStorage.setItem('zwy.packageAnswers.' + packageId, JSON.stringify(answers))
}

import { ElMessageBox } from 'element-plus'

/**
 * Asks for the reason an audited step needs (showing personal data, lifting a bar or a listing): the answer trimmed,
 * or null when cancelled. An empty answer is refused in the box itself with {@code required}.
 */
export async function askReason(o: { title: string; hint: string; confirm: string; cancel: string; required: string; placeholder?: string }): Promise<string | null> {
  const answer = await ElMessageBox.prompt(o.hint, o.title, {
    inputPlaceholder: o.placeholder, confirmButtonText: o.confirm, cancelButtonText: o.cancel,
    inputValidator: (v: string) => (v ?? '').trim().length > 0 || o.required,
  }).catch(() => null)
  return answer ? answer.value.trim() : null
}

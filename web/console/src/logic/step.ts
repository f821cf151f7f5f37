import { ElMessage } from 'element-plus'
import { errorText } from '@zwy/shared'

interface Mutation { executeMutation(variables: { input: unknown }): Promise<{ error?: Parameters<typeof errorText>[0] }> }

/**
 * One step of a loop on a list screen (a bad review's rectification, a complaint): the mutation with its input, the
 * API's refusal shown as it wrote it (field and rule), or the success message and the list read again.
 */
export async function takeStep(m: Mutation, input: unknown, done: string, reload: () => void): Promise<boolean> {
  const res = await m.executeMutation({ input })
  if (res.error) { ElMessage.error(errorText(res.error)); return false }
  ElMessage.success(done)
  reload()
  return true
}

import { computed, ref, type Ref } from 'vue'
import type { CombinedError } from '@urql/core'
import { errorText } from '@zwy/shared'
import { answer, type Answer } from '../logic/guidance'

/**
 * The state of a guidance walk (an item's or a package's, G2) around its query: the walk as last answered — an answer
 * the server refuses leaves it on the question, with the refusal under it —, giving an answer (those after it are
 * dropped) and going back to the i-th question.
 */
export function useGuidanceWalk<T>(answers: Ref<Answer[]>, data: () => T | null | undefined, error: () => CombinedError | undefined) {
  const last = ref(null) as Ref<T | null>
  const walk = computed(() => data() ?? last.value)
  const refusal = computed(() => errorText(error()))
  function give(key: string, value: string) {
    const now = data()
    if (now) last.value = now
    answers.value = answer(answers.value, key, value)
  }
  function change(i: number) { answers.value = answers.value.slice(0, i) }
  return { walk, refusal, give, change }
}

import { computed, onBeforeUnmount, ref } from 'vue'
import { useQuery } from '@urql/vue'
import type { PendingReview } from '../logic/review'

export const PENDING_REVIEWS = `query Pending { myPendingReviews(first: 20) { edges { node {
  id kind caseId ticketId subject lineName windowName doneAt closesOn } } } }`

/**
 * The citizen's services still open for review (V4). A service that finishes while its page is open gets its opening
 * from the completion's event a moment later: `recheck` asks again every 1.5 s (at most 8 times) until `found` holds,
 * and the list reads as not known yet (null) meanwhile, so the page says neither "review" nor "why not" too early.
 */
export function usePendingReviews() {
  const q = useQuery<{ myPendingReviews: { edges: { node: PendingReview }[] } }>({ query: PENDING_REVIEWS, requestPolicy: 'network-only' })
  const checking = ref(false)
  let timer: ReturnType<typeof setInterval> | undefined
  const stop = () => { if (timer) clearInterval(timer); timer = undefined; checking.value = false }
  onBeforeUnmount(stop)
  const list = computed(() => (checking.value || !q.data.value ? null : q.data.value.myPendingReviews.edges.map((e) => e.node)))
  function recheck(found: (list: PendingReview[]) => boolean) {
    stop()
    checking.value = true
    let tries = 0
    const ask = async () => {
      const r = await q.executeQuery({ requestPolicy: 'network-only' })
      const nodes = r.data.value?.myPendingReviews.edges.map((e) => e.node) ?? []
      if (found(nodes) || ++tries >= 8) stop()
    }
    timer = setInterval(() => { void ask() }, 1500)
    void ask()
  }
  return { list, error: q.error, recheck }
}

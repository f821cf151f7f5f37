import { ref, watch, type Ref } from 'vue'

/**
 * The case a page shows: the query's answer, then every push of the subscription (caseUpdated), whichever
 * is newer by the case's version — a late query answer never replaces a newer pushed state, and a push
 * of a state already shown changes nothing.
 */
export function useNewest<T extends { version: number }>(...sources: (() => T | null | undefined)[]): Ref<T | null> {
  const current = ref(null) as Ref<T | null>
  for (const source of sources) {
    watch(source, (c) => { if (c && (!current.value || c.version >= current.value.version)) current.value = c }, { immediate: true })
  }
  return current
}

import { afterAll } from 'vitest'

// vant's fixed NavBar (and other components measuring their placeholder) measure again 100, 200 and 300 ms after
// mounting, with timeouts nobody cancels. On a slow machine one fires after the file's jsdom window is torn down
// ("window is not defined", an unhandled error that fails the whole run), so every test file waits for them.
afterAll(() => new Promise((r) => setTimeout(r, 400)))

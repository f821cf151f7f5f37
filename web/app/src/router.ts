import { createRouter, createWebHistory } from 'vue-router'
import HomeView from './views/HomeView.vue'

export const router = createRouter({
  history: createWebHistory('/app/'),
  routes: [
    // the first screen is in the entry chunk (no second round trip on a slow network); the rest load on demand
    { path: '/', component: HomeView },
    { path: '/guides/:id', component: () => import('./views/GuideView.vue'), props: true },
    { path: '/guidance/:id', component: () => import('./views/GuidanceView.vue'), props: true },
    { path: '/packages/:id', component: () => import('./views/PackageView.vue'), props: true },
    { path: '/packages/:id/apply', component: () => import('./views/PackageApplyView.vue'), props: true, meta: { signIn: true } },
    { path: '/apply/:id', component: () => import('./views/ApplyView.vue'), props: true, meta: { signIn: true } },
    { path: '/book/:id', component: () => import('./views/BookView.vue'), props: true, meta: { signIn: true } },
    { path: '/appointments', component: () => import('./views/AppointmentsView.vue'), meta: { signIn: true } },
    { path: '/appointments/:id', component: () => import('./views/AppointmentView.vue'), props: true, meta: { signIn: true } },
    { path: '/reviews', component: () => import('./views/ReviewsView.vue'), meta: { signIn: true } },
    { path: '/cases', component: () => import('./views/MyCasesView.vue'), meta: { signIn: true } },
    { path: '/cases/:id', component: () => import('./views/CaseView.vue'), props: true, meta: { signIn: true } },
    { path: '/messages', component: () => import('./views/MessagesView.vue'), meta: { signIn: true } },
    { path: '/complaint', component: () => import('./views/ComplaintView.vue'), meta: { signIn: true } },
    { path: '/ticket', component: () => import('./views/TicketView.vue'), meta: { signIn: true } },
    { path: '/:rest(.*)', redirect: '/' },
  ],
  // a new screen starts at the top; the same screen with another query (a walk keeping its answers in the address) stays put
  scrollBehavior: (to, from) => (to.path === from.path ? false : { top: 0 }),
})

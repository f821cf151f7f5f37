import { createRouter, createWebHistory } from 'vue-router'

export const router = createRouter({
  history: createWebHistory('/console/'),
  routes: [
    { path: '/', redirect: '/cases' },
    { path: '/cases', component: () => import('./views/InboxView.vue') },
    { path: '/cases/:id', component: () => import('./views/CaseView.vue'), props: true },
    { path: '/queue', component: () => import('./views/QueueView.vue') },
    // the hall's guides (智能导办, G1; ADR 0036): walk an item's guide with the citizen, send to the kiosk or issue the ticket
    { path: '/guide', component: () => import('./views/GuideDeskView.vue') },
    { path: '/reviews', component: () => import('./views/ReviewsView.vue') },
    { path: '/complaints', component: () => import('./views/ComplaintsView.vue') },
    { path: '/organisation', component: () => import('./views/OrganisationView.vue') },
    { path: '/catalog', component: () => import('./views/CatalogView.vue') },
    { path: '/indicators', component: () => import('./views/IndicatorsView.vue') },
    { path: '/appointments', component: () => import('./views/AppointmentsView.vue') },
    // the console's remaining lists (ADR 0033): a hall's appointments of a day by name, the joint reviews waiting for a department
    { path: '/bookings', component: () => import('./views/BookingsView.vue') },
    { path: '/joint', component: () => import('./views/JointReviewsView.vue') },
    // ECharts is imported by this route only (its own chunk): no other screen downloads it
    { path: '/dashboard', component: () => import('./views/DashboardView.vue') },
    { path: '/display', component: () => import('./views/DisplayPicker.vue') },
    { path: '/display/:tenantCode/:hallId', component: () => import('./views/DisplayView.vue'), props: true, meta: { bare: true } },
    { path: '/:rest(.*)', redirect: '/cases' },
  ],
})

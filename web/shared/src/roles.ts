/**
 * The console's menu by role (T7). Each screen names the roles that may use it; the API checks
 * again on every call, so a menu entry is a convenience, never the permission itself.
 */
export interface MenuEntry {
  key: string
  path: string
  /** vue-i18n key of the entry's title */
  title: string
  roles: string[]
  /** A screen not built yet: listed (so each role sees its place) but disabled. */
  planned?: boolean
}

const FRONT_DESK = ['clerk', 'agent', 'delivery', 'transfer', 'centre_admin']

export const MENU: MenuEntry[] = [
  { key: 'inbox', path: '/cases', title: 'menu.inbox', roles: [...FRONT_DESK, 'approver', 'supervisor', 'provincial_admin'] },
  // the hall's guides (引导员, G1): the guidance walked with the citizen, the kiosk or a ticket for the window serving the item
  { key: 'guide', path: '/guide', title: 'menu.guide', roles: ['guide', 'clerk', 'window_lead', 'centre_admin'] },
  { key: 'queue', path: '/queue', title: 'menu.queue', roles: ['clerk', 'agent', 'window_lead', 'centre_admin'] },
  { key: 'display', path: '/display', title: 'menu.display', roles: ['clerk', 'agent', 'window_lead', 'centre_admin'] },
  { key: 'appointments', path: '/appointments', title: 'menu.appointments', roles: ['clerk', 'agent', 'window_lead', 'centre_admin'] },
  // the day's bookings by (masked) name, checked in from the list at the door (A1, A5)
  { key: 'bookings', path: '/bookings', title: 'menu.bookings', roles: ['clerk', 'agent', 'window_lead', 'centre_admin'] },
  // a department's joint reviews waiting for its opinion (C10): its approver answers, the front desk follows them
  { key: 'joint', path: '/joint', title: 'menu.joint', roles: ['approver', 'clerk', 'agent', 'centre_admin'] },
  // the assignee of a bad review (谁办理谁负责) is often a window's clerk: they see the loop and take their steps
  { key: 'reviews', path: '/reviews', title: 'menu.reviews', roles: ['clerk', 'agent', 'supervisor', 'centre_admin', 'window_lead'] },
  { key: 'complaints', path: '/complaints', title: 'menu.complaints', roles: ['supervisor', 'centre_admin', 'window_lead'] },
  // the review indicators (V7, V8), the complaint appraisal (P5) and the two lists (V5, C5): the centre's management
  { key: 'indicators', path: '/indicators', title: 'menu.indicators', roles: ['supervisor', 'centre_admin', 'window_lead'] },
  { key: 'catalog', path: '/catalog', title: 'menu.catalog', roles: ['guide', 'centre_admin'] },
  // halls, departments, windows and A/B posts, staff, closures (T3–T7): changed by the centre administrator only
  { key: 'organisation', path: '/organisation', title: 'menu.organisation', roles: ['centre_admin', 'window_lead'] },
  // provinces and cities compare their counties (M2); a county's centre drills into its own halls, windows and staff
  { key: 'dashboard', path: '/dashboard', title: 'menu.dashboard', roles: ['provincial_admin', 'city_admin', 'centre_admin'] },
]

export function menuFor(roles: readonly string[]): MenuEntry[] {
  return MENU.filter((m) => m.roles.some((r) => roles.includes(r)))
}

export const ROLE_LABELS: Record<string, string> = {
  guide: '导办咨询', clerk: '收件窗口', approver: '审批人', delivery: '送达', transfer: '流转',
  agent: '帮办代办', window_lead: '窗口负责人', centre_admin: '中心管理员', supervisor: '督查',
  provincial_admin: '省级管理员', city_admin: '市级管理员', platform_operator: '平台运维',
}

/** The roles the API knows of this caller, in the order of ROLE_LABELS, without Keycloak's own (offline_access, …). */
export function platformRoles(roles: readonly string[]): string[] {
  return Object.keys(ROLE_LABELS).filter((r) => roles.includes(r))
}

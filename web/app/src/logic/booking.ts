/** A bookable slot as `slots` answers it (A1). */
export interface Slot { id: string; startsAt: string; endsAt: string; remaining: number; releasesAt: string | null }

export interface Appointment { id: string; bookingCode: string; status: string; tenantCode: string; hallId: string; hallName: string
  itemId: string; itemName: string; startsAt: string; endsAt: string; cancellableUntil: string; qrCodeSvg: string }

/**
 * Whether the phone offers 改约 and 取消 on a booking: only a BOOKED one, before its cancellableUntil (the tenant's
 * cut-off before the slot). The server decides in the end (a clock a little off, another tab): its refusal is shown.
 */
export function changeable(a: Pick<Appointment, 'status' | 'cancellableUntil'>, now: Date = new Date()): boolean {
  return a.status === 'BOOKED' && now.getTime() < new Date(a.cancellableUntil).getTime()
}

export const APPOINTMENT_STATUS: Record<string, string> = { BOOKED: '已预约', CHECKED_IN: '已签到', CANCELLED: '已取消', NO_SHOW: '未到' }

/** The API's SVG shown as an image: an <img> never runs anything inside it. */
export const qrImage = (svg: string) => 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg)

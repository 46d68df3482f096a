/**
 * Quiet hours (default 22:00–08:00) in the customer's time zone. A campaign message that falls inside
 * them is deferred to the end of the quiet period (08:00 local) rather than dropped: the customer is not
 * woken up and the store still reaches them. Pure; the zone is an IANA name (Asia/Shanghai by default).
 */

export interface QuietHours {
  /** local hour (0–23) the quiet period starts at */
  start: number;
  /** local hour (0–23) it ends at; smaller than start when it runs over midnight */
  end: number;
  zone: string;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { start: 22, end: 8, zone: 'Asia/Shanghai' };

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formats.set(zone, format);
  }
  return format;
}

/** True when `zone` is a time zone this runtime knows (config validation). */
export function isKnownZone(zone: string): boolean {
  try {
    formatFor(zone);
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function wallClock(at: Date, zone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatFor(zone).formatToParts(at)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

/** How far the zone's wall clock is ahead of UTC at `at`, in ms. */
function offsetMs(at: Date, zone: string): number {
  const c = wallClock(at, zone);
  return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second) - Math.floor(at.getTime() / 1000) * 1000;
}

function isQuietHour(hour: number, q: QuietHours): boolean {
  if (q.start === q.end) return false;
  return q.start < q.end ? hour >= q.start && hour < q.end : hour >= q.start || hour < q.end;
}

/** When the quiet period `now` falls in ends (q.end:00 local), or undefined when `now` is not quiet. */
export function quietUntil(now: Date, q: QuietHours): Date | undefined {
  const local = wallClock(now, q.zone);
  if (!isQuietHour(local.hour, q)) return undefined;
  // the end is later today, unless the period started this evening and ends tomorrow morning
  const addDay = q.start > q.end && local.hour >= q.start ? 1 : 0;
  const wall = Date.UTC(local.year, local.month - 1, local.day + addDay, q.end, 0, 0);
  // the offset at the target itself, so a daylight-saving change overnight is honoured
  const guess = new Date(wall - offsetMs(now, q.zone));
  return new Date(wall - offsetMs(guess, q.zone));
}

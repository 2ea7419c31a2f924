import { civilFromDays } from './timestamp';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * Epoch milliseconds as an ISO 8601 timestamp with milliseconds: in UTC, "2018-01-07T06:56:11.401Z";
 * with an offset in minutes, the local time there, "2018-01-07T14:56:11.401+08:00".
 */
export function formatTimestamp(epochMs: number, offsetMinutes = 0): string {
  const local = epochMs + offsetMinutes * 60_000;
  const days = Math.floor(local / 86_400_000);
  let ms = local - days * 86_400_000;
  const { year, month, day } = civilFromDays(days);
  const hour = Math.floor(ms / 3_600_000);
  ms -= hour * 3_600_000;
  const minute = Math.floor(ms / 60_000);
  ms -= minute * 60_000;
  const second = Math.floor(ms / 1000);
  const offset =
    offsetMinutes === 0
      ? 'Z'
      : `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offsetMinutes) / 60), 2)}:${pad(Math.abs(offsetMinutes) % 60, 2)}`;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}.${pad(ms - second * 1000, 3)}${offset}`;
}

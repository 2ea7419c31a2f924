import { civilFromDays } from './timestamp';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Epoch milliseconds as a UTC ISO 8601 timestamp with milliseconds, "2018-01-07T06:56:11.401Z". */
export function formatTimestamp(epochMs: number): string {
  const days = Math.floor(epochMs / 86_400_000);
  let ms = epochMs - days * 86_400_000;
  const { year, month, day } = civilFromDays(days);
  const hour = Math.floor(ms / 3_600_000);
  ms -= hour * 3_600_000;
  const minute = Math.floor(ms / 60_000);
  ms -= minute * 60_000;
  const second = Math.floor(ms / 1000);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}.${pad(ms - second * 1000, 3)}Z`;
}

/** Times in Asia/Shanghai whatever the device's zone; durations and numbers for the language. */
export const TIME_ZONE = 'Asia/Shanghai';

export function formatTime(iso: string | Date, language: string): string {
  return new Intl.DateTimeFormat(language, { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}

/** 2 d 3 h / 2天3小时, 45 min / 45分钟: the two largest units. */
export function formatDuration(ms: number, language: string): string {
  const abs = Math.abs(ms);
  const units: [Intl.NumberFormatOptions['unit'], number][] = [
    ['day', 86_400_000],
    ['hour', 3_600_000],
    ['minute', 60_000],
    ['second', 1000],
  ];
  const parts: string[] = [];
  let left = abs;
  for (const [unit, size] of units) {
    const n = Math.floor(left / size);
    if (n > 0 || (unit === 'second' && parts.length === 0)) {
      parts.push(new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'narrow' }).format(n));
      left -= n * size;
    }
    if (parts.length === 2) break;
  }
  return parts.join(language.startsWith('zh') ? '' : ' ');
}

export const formatNumber = (n: number, language: string): string => new Intl.NumberFormat(language).format(n);

/** Great-circle distance in metres (haversine), for the 200 m check before sending. */
export function metresBetween(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const r = 6_371_008.8;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(h));
}

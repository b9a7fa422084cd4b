// Dates and hours of events in words, always in Paris time whatever the visitor's clock says:
// "sam. 12 déc., 18 h 30" in lists, "samedi 12 décembre 2026, de 18 h 30 à 21 h" on a card.

const ZONE = 'Europe/Paris';
const shortDay = new Intl.DateTimeFormat('fr-FR', { timeZone: ZONE, weekday: 'short', day: 'numeric', month: 'short' });
const longDay = new Intl.DateTimeFormat('fr-FR', { timeZone: ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const clock = new Intl.DateTimeFormat('fr-FR', { timeZone: ZONE, hour: 'numeric', minute: '2-digit', hourCycle: 'h23' });
const dayKey = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** "18 h 30", "9 h" (French typography: no ":" and no ":00"). */
export function hourText(date) {
  const parts = Object.fromEntries(clock.formatToParts(date).map((p) => [p.type, p.value]));
  return parts.minute === '00' ? `${Number(parts.hour)} h` : `${Number(parts.hour)} h ${parts.minute}`;
}

/** "sam. 12 déc., 18 h 30" (or without the hour for an all-day event), for lists. */
export function shortWhen({ startsAt, allDay }) {
  if (!startsAt) return '';
  const start = new Date(startsAt);
  return allDay ? shortDay.format(start) : `${shortDay.format(start)}, ${hourText(start)}`;
}

/**
 * A card's dates: "samedi 12 décembre 2026, de 18 h 30 à 21 h"; across days, "du samedi 12
 * décembre 2026, 18 h 30, au dimanche 13 décembre 2026, 12 h"; all-day ones without hours (their
 * end, exclusive in iCalendar, may be midnight of the next day: that day is not shown).
 */
export function longWhen({ startsAt, endsAt, allDay }) {
  if (!startsAt) return '';
  const start = new Date(startsAt);
  let end = endsAt ? new Date(endsAt) : start;
  if (allDay && end > start && hourText(end) === '0 h') end = new Date(end.getTime() - 1);
  const sameDay = dayKey.format(start) === dayKey.format(end);
  if (allDay) {
    return sameDay ? `${capitalize(longDay.format(start))}, toute la journée`
      : `Du ${longDay.format(start)} au ${longDay.format(end)}`;
  }
  if (sameDay) {
    return end > start ? `${capitalize(longDay.format(start))}, de ${hourText(start)} à ${hourText(end)}`
      : `${capitalize(longDay.format(start))}, ${hourText(start)}`;
  }
  return `Du ${longDay.format(start)}, ${hourText(start)}, au ${longDay.format(end)}, ${hourText(end)}`;
}

function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// How old each list of a bundle is, for the page and the widget; `old` past maxAgeDays. A list's date is that
// of the newest source it comes from (info.list_dates; bundles without it: each source's date). A month-only
// date counts from the month's first day.
const ageOf = (date, maxAgeDays, now) => {
  const day = /^\d{4}-\d{2}$/.test(date ?? '') ? `${date}-01` : date;
  const time = Date.parse(`${day}T00:00:00Z`);
  const days = Number.isNaN(time) ? NaN : Math.floor((now - time) / 86_400_000);
  return { days, old: Number.isNaN(days) || days > maxAgeDays };
};

export function listAges(info, maxAgeDays, now = Date.now()) {
  const sources = (info.sources ?? []).map((source) => ({ ...source, ...ageOf(source.date, maxAgeDays, now) }));
  const lists = info.list_dates
    ? Object.entries(info.list_dates).map(([key, date]) => ({ key, date, ...ageOf(date, maxAgeDays, now) }))
    : sources;
  const dated = lists.filter((s) => !Number.isNaN(s.days));
  const oldest = dated.reduce((a, s) => (!a || s.days > a.days ? s : a), undefined);
  const newest = dated.reduce((a, s) => (!a || s.days < a.days ? s : a), undefined);
  return { sources, lists, oldest, newest, anyOld: lists.some((s) => s.old) };
}

// The argument of the core's ec_screen: the order alone, or {order, clearances, settings, screened_at, lang}
// (docs/orders.md) when any of those options is given. lang: "en" or "fr", the language of the report's sentences.
export function screenRequest(order, options) {
  if (!options) return order;
  const request = { order };
  for (const key of ['clearances', 'settings', 'screened_at', 'lang']) if (options[key] !== undefined) request[key] = options[key];
  return Object.keys(request).length > 1 ? request : order;
}

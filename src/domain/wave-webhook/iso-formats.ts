/** A calendar date YYYY-MM-DD that exists (no 2026-02-30; 29 February only in leap years). */
const DATE = String.raw`(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8])))`;

export const ISO_DATE = new RegExp(`^${DATE}$`);

/** An ISO-8601 date-time with seconds and a zone: `Z` or an offset such as `+02:00`. */
export const ISO_DATE_TIME = new RegExp(
  String.raw`^${DATE}T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$`,
);

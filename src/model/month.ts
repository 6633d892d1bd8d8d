// A follow-up period is a month written YYYY-MM (format.md, uppföljning `period`).

/** YYYY-MM with a real month; the year is the first group. */
export const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/u;

export const isMonth = (s: string): boolean => MONTH.test(s);

// The kinds of the plan in the order of the red thread, with their Swedish nouns: the nouns
// name the plan's things in both languages (format/diff-words.ts), and the order is the order
// lists of kinds are given in (a diff's sections, what a removal leaves without a goal).

/** A kind's nouns, singular and plural, from the kommun down to the follow-up. */
export const KIND_NOUNS: Readonly<Record<string, readonly [one: string, many: string]>> = {
  kommun: ["kommun", "kommuner"],
  organ: ["organ", "organ"],
  vision: ["vision", "visioner"],
  kommunplan: ["kommunplan", "kommunplaner"],
  målområde: ["målområde", "målområden"],
  mål: ["övergripande mål", "övergripande mål"],
  budget: ["budget", "budgetar"],
  resultatmål: ["resultatmål", "resultatmål"],
  åtagande: ["åtagande", "åtaganden"],
  uppdrag: ["uppdrag", "uppdrag"],
  investering: ["investering", "investeringar"],
  finansiellt_mål: ["finansiellt mål", "finansiella mål"],
  nyckeltal: ["nyckeltal", "nyckeltal"],
  planeringsdirektiv: ["planeringsdirektiv", "planeringsdirektiv"],
  satsning: ["satsning", "satsningar"],
  underlag: ["underlag", "underlag"],
  investeringsbehov: ["investeringsbehov", "investeringsbehov"],
  upphandling: ["upphandling", "upphandlingar"],
  nämndplan: ["nämndplan", "nämndplaner"],
  verksamhetsmål: ["verksamhetsmål", "verksamhetsmål"],
  verksamhetsplan: ["verksamhetsplan", "verksamhetsplaner"],
  aktivitet: ["aktivitet", "aktiviteter"],
  produktionsmål: ["produktionsmål", "produktionsmål"],
  uppföljning: ["uppföljning", "uppföljningar"],
  jämförelse: ["jämförelse", "jämförelser"],
  åtgärd: ["åtgärd", "åtgärder"],
};

const KIND_ORDER = Object.keys(KIND_NOUNS);

/** A kind's place in the thread; a kind not known comes after every kind that is. */
export const kindRank = (kind: string): number => {
  const i = KIND_ORDER.indexOf(kind);
  return i < 0 ? KIND_ORDER.length : i;
};

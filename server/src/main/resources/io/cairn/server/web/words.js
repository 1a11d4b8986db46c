// The API's problems in the words of the form that caused them: the API's detail names a request field
// ("constraints.maxCost must be a number >= 0, got -5.0") for programs; people read which box is wrong and why
// ("Budget at most (EUR): must be a number, 0 or more; you entered -5").

/** The request field an API detail is about, and the rest of the sentence; null when it names none. */
function subject(detail) {
  const quoted = /^(?:field|query parameter) '([^']+)' (.*)$/s.exec(detail);
  if (quoted) return { field: quoted[1], rest: quoted[2] };
  const goal = /^an? (occupation|pathway|competencies) goal needs goal\.ids?\b/.exec(detail);
  if (goal) return { field: goal[1] === 'competencies' ? 'goal.ids' : `goal.${goal[1]}`, rest: 'needs a choice' };
  if (/^the posting is empty\b/.test(detail)) return { field: 'posting', rest: 'needs a choice' };
  const part = /^'(title|text|skills)(?:\[\d+\])?' (has .*)$/s.exec(detail);
  if (part) return { field: part[1], rest: part[2] };
  const bare = /^(constraints\.\w+|k|reach|hoursPerWeek|alternatives)\b:? (.*)$/s.exec(detail);
  return bare ? { field: bare[1], rest: bare[2] } : null;
}

/** The API's rule in plain words, with what the person typed (from the address) rather than the API's echo. */
function plain(rest, typed) {
  const entered = typed === null || typed === undefined || typed === '' ? '' : `; you entered ${typed}`;
  let m;
  if (rest === 'needs a choice') return null;
  if ((m = /^must be a number >= 0/.exec(rest))) return `must be a number, 0 or more${entered}`;
  if ((m = /^must be an integer from ([\d.]+) to ([\d.]+)/.exec(rest))) return `must be a whole number from ${m[1]} to ${m[2]}${entered}`;
  if ((m = /^must be from ([\d.]+) (?:\([^)]*\) )?to ([\d.]+)/.exec(rest))) return `must be from ${m[1]} to ${m[2]}${entered}`;
  if ((m = /^must be more than 0 and at most 1/.exec(rest))) return `must be more than 0 and at most 1 (0.8 means 80%)${entered}`;
  if ((m = /^must be (?:an integer|a number)/.exec(rest))) return `must be a number${entered}`;
  if ((m = /^must be one of (.*?)(?:, got .*)?$/s.exec(rest))) return `must be one of ${m[1]}${entered}`;
  if (/is out of range/.test(rest)) return `is too large${entered}`;
  if ((m = /^has (\d+) (characters|phrases); (?:a skill phrase is )?at most (\d+)/.exec(rest))) {
    return `is too long: ${m[1]} ${m[2]}, and at most ${m[3]} are read`;
  }
  return null;
}

/**
 * The problem restated for the field it concerns, from `fields` (API field name -> { id, label, param, choose }):
 * { id, text } with the input's id and a sentence, or null when the detail names no field of this form.
 */
export function fieldWords(detail, fields, params) {
  const s = subject(String(detail ?? ''));
  const f = s && fields[s.field];
  if (!f) return null;
  const words = f.choose ?? plain(s.rest, f.param ? params?.get(f.param) : null);
  return words ? { id: f.id, text: `${f.label}: ${words}.` } : null;
}

/** The request fields of the goal and limits that the learner and plan screens share. */
export const GOAL_FIELDS = {
  'constraints.maxCost': { id: 'max-cost', label: 'Budget at most (EUR)', param: 'maxCost' },
  'constraints.maxHours': { id: 'max-hours', label: 'Hours at most', param: 'maxHours' },
  'goal.occupation': { id: 'goal-occupation', label: 'Occupation', choose: 'type part of a name and choose one from the list' },
  'goal.id': { id: 'goal-occupation', label: 'Occupation', choose: 'type part of a name and choose one from the list' },
  'goal.pathway': { id: 'goal-pathway', label: 'Pathway or degree', choose: 'choose a pathway from the list' },
  'goal.ids': { id: 'goal-competencies', label: 'Skills to gain', choose: 'choose at least one skill from the list' },
};

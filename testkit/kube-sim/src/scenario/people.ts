import type { SeededRandom } from './random';

const FIRST = [
  'alice',
  'bob',
  'carla',
  'deepak',
  'elena',
  'farid',
  'grace',
  'hiro',
  'ines',
  'jonas',
  'kemi',
  'liam',
  'mei',
  'nora',
  'omar',
  'priya',
  'quinn',
  'rosa',
  'sven',
  'tariq',
  'uma',
  'victor',
  'wen',
  'ximena',
  'yusuf',
  'zoe',
];
const LAST = [
  'smith',
  'garcia',
  'mueller',
  'rossi',
  'kim',
  'nakamura',
  'okafor',
  'silva',
  'novak',
  'haddad',
  'jensen',
  'patel',
  'dubois',
  'kowalski',
  'larsen',
  'moreau',
  'nguyen',
  'oconnor',
  'petrov',
  'quispe',
];
const TEAMS = [
  'ml-platform',
  'recsys',
  'vision',
  'nlp',
  'forecasting',
  'fraud',
  'search',
  'ads-ranking',
];

/** A Kubeflow user: owns one profile namespace. */
export interface Person {
  /** Display name, e.g. `Alice Smith`. */
  displayName: string;
  email: string;
  /** Catalog-style user name, e.g. `alice.smith`. */
  userName: string;
  team: string;
}

const title = (s: string) => s[0].toUpperCase() + s.slice(1);

/** Generates `count` distinct people deterministically. */
export function generatePeople(
  random: SeededRandom,
  count: number,
  domain = 'example.com',
): Person[] {
  const used = new Map<string, number>();
  const people: Person[] = [];
  for (let i = 0; i < count; i++) {
    const first = random.pick(FIRST);
    const last = random.pick(LAST);
    const base = `${first}.${last}`;
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    const userName = n === 1 ? base : `${base}${n}`;
    people.push({
      displayName: `${title(first)} ${title(last)}${n === 1 ? '' : ` ${n}`}`,
      email: `${userName}@${domain}`,
      userName,
      team: random.pick(TEAMS),
    });
  }
  return people;
}

/** The profile/namespace name Kubeflow derives from a user (`alice.smith` → `alice-smith`). */
export function profileNameFor(person: Person): string {
  return person.userName.replace(/[^a-z0-9-]/g, '-');
}

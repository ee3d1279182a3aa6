/**
 * The 发展党员 rule catalogue: every rule set in one ordered list, and `evaluate`.
 */
import type { Dossier } from '../dossier/types';
import {
  buildCatalogue,
  evaluateWith,
  type Catalogue,
  type EvaluateOptions,
  type Evaluation,
} from './engine';
import { nextSteps } from './timeline';
import { XIZE_2014_RULES } from './xize-2014/rules';
import { XIZE_2026_RULES } from './xize-2026/rules';

export const DEVELOPMENT_CATALOGUE: Catalogue = buildCatalogue([
  ...XIZE_2014_RULES,
  ...XIZE_2026_RULES,
]);

/**
 * Checks one dossier against the 发展党员 rules in force on each step's date.
 * Pure and synchronous: `asOf` stands in for today.
 * @example evaluate(dossier, { asOf: '2024-06-01', settings: DEFAULT_SETTINGS, calendar }) // { findings: [], next: [] }
 */
export function evaluate(dossier: Dossier, options: EvaluateOptions): Evaluation {
  return evaluateWith(DEVELOPMENT_CATALOGUE, dossier, options, nextSteps);
}

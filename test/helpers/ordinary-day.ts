import { DEFAULT_DAY, dayAt } from '../../scripts/eval-day';

/**
 * The moment a unit test checks a draft on when the test is not about dates. Rules limited to dates (the
 * anniversaries of disasters, days of mourning) would otherwise make a verdict depend on the day the suite runs:
 * on 11 March a sale draft gets a warning. A test of a dated rule passes its own `now`.
 */
export const ORDINARY_DAY = dayAt(DEFAULT_DAY);

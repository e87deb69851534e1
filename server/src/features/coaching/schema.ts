/** The coach's table lives in `db/schema/`, the one source of tables; re-exported for the feature. */
export { coachMessages, type StoredCitation } from '../../../../db/schema';

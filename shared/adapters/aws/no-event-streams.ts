/**
 * Stands in for `@smithy/core/event-streams` in the Lambda bundles (infra/bundling.ts): the SDK loads it only
 * for event-stream operations, and no client of ours has one. If one ever does, this says so plainly.
 */
const missing = () => {
  throw new Error('Event streams are not bundled: remove the @smithy/core/event-streams alias in infra/bundling.ts');
};
export const EventStreamSerde = missing;
export const eventStreamSerdeProvider = missing;

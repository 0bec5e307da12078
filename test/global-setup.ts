/** Starts what integration and e2e tests need; filled in as those tests arrive. */
export default async function setup() {}

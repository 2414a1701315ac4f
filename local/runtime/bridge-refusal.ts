/** A bridge call the host refuses (bad input, no permission): answered with its status and message. */
export class BridgeRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'BridgeRefusal';
  }
}

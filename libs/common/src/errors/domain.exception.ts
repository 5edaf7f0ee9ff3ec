/**
 * Base of every module's own exception. A module declares a code enum and maps each code to an HTTP
 * status with an exhaustive switch, so adding a code without deciding its status fails to compile.
 */
export abstract class DomainException<C extends string = string> extends Error {
  abstract readonly httpStatus: number;

  protected constructor(
    readonly code: C,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

// Limits on what one request may bring; each is refused with its own code (JX5010–JX5012).
export interface Limits {
  /** bytes of one request body */
  requestBytes: number;
  /** filings in one upload (files, or entries of the archives in it) */
  filesPerUpload: number;
  /** bytes of one filing */
  filingBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  requestBytes: 200 * 1024 * 1024,
  filesPerUpload: 2000,
  filingBytes: 20 * 1024 * 1024,
};

import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/** One written file of an export: its name in the job's folder, the type and the number of resources. */
export interface ExportFile {
  type: string;
  file: string;
  count: number;
}

/** Bytes gathered before one write (one system call per ~1 MB, never a whole type in memory). */
const CHUNK = 1 << 20;

/**
 * The NDJSON files of one resource type: lines are gathered in a buffer and written in large pieces (the write
 * is awaited, so a slow disk holds the export back rather than memory growing); a new file is started every
 * `perFile` resources (`<Type>-<n>.ndjson`), so a large type is served in chunks.
 */
export class NdjsonFiles {
  private handle: FileHandle | null = null;
  // Lines are encoded straight into a 1 MB buffer (no joined strings to flatten and collect); a full buffer is
  // handed to the write and a new one started.
  private buffer = Buffer.allocUnsafe(CHUNK);
  private used = 0;
  private inFile = 0;
  readonly files: ExportFile[] = [];

  constructor(
    private readonly dir: string,
    readonly type: string,
    private readonly perFile: number,
  ) {}

  /**
   * Adds one resource, already serialised (one line, no newline inside: JSON.stringify never writes one). Most
   * lines only go into the buffer: then nothing is returned (no promise per resource, issue 16); a promise when
   * a file is opened or a full buffer written.
   */
  add(json: string): Promise<void> | undefined {
    // A UTF-8 character is at most 3 bytes per UTF-16 unit: room for the line is checked before encoding it.
    const room = json.length * 3 + 1;
    if (this.handle === null || this.inFile === this.perFile || this.used + room > CHUNK)
      return this.addAfterWrite(json);
    this.append(json);
    return undefined;
  }

  private async addAfterWrite(json: string): Promise<void> {
    if (this.handle === null || this.inFile === this.perFile) await this.nextFile();
    if (this.used + json.length * 3 + 1 > CHUNK) await this.flush();
    if (json.length * 3 + 1 > CHUNK) {
      await this.handle?.write(json + '\n');
      this.counted();
    } else this.append(json);
  }

  private append(json: string): void {
    this.used += this.buffer.write(json, this.used);
    this.buffer[this.used++] = 10;
    this.counted();
  }

  private counted(): void {
    this.inFile++;
    const current = this.files.at(-1);
    if (current) current.count++;
  }

  private async nextFile(): Promise<void> {
    await this.closeFile();
    const file = `${this.type}-${String(this.files.length + 1)}.ndjson`;
    this.handle = await open(path.join(this.dir, file), 'wx');
    this.files.push({ type: this.type, file, count: 0 });
    this.inFile = 0;
  }

  private async flush(): Promise<void> {
    if (this.used === 0 || this.handle === null) return;
    const full = this.buffer.subarray(0, this.used);
    this.buffer = Buffer.allocUnsafe(CHUNK);
    this.used = 0;
    await this.handle.write(full);
  }

  private async closeFile(): Promise<void> {
    await this.flush();
    if (this.handle !== null) {
      // Durable before the manifest names the file (the manifest is written once every file is closed).
      await this.handle.sync();
      await this.handle.close();
    }
    this.handle = null;
  }

  /** Writes what is left and closes the last file; the files written (none for a type with no resource). */
  async close(): Promise<ExportFile[]> {
    await this.closeFile();
    return this.files;
  }

  /** Closes without caring for the content (the export stopped; the folder is removed next). */
  async abandon(): Promise<void> {
    this.used = 0;
    const h = this.handle;
    this.handle = null;
    await h?.close().catch(() => undefined);
  }
}

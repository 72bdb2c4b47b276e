import { Injectable } from '@nestjs/common';

/** Writes a block for people (generated passwords) straight to stdout, outside the JSON log. */
@Injectable()
export class CredentialsPrinter {
  print(block: string): void {
    process.stdout.write(block.endsWith('\n') ? block : `${block}\n`);
  }
}

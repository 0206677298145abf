import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { createCommand } from '@passage/validation';

/** Validates bodies with the commands' own class-validator rules (whitelist, no unknown fields), as the CLI does. */
@Injectable()
export class BodyPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' || !metadata.metatype || metadata.metatype === Object) return value;
    return createCommand(metadata.metatype as new () => object, value ?? {});
  }
}

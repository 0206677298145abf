import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

/** The one-question survey offered when a journey completes: "How satisfied are you?", 1 (not at all) to 5 (very). */
export class AnswerSatisfactionCommand {
  @ApiProperty({ minimum: 1, maximum: 5, example: 4 })
  @IsInt({ message: 'score must be a whole number from 1 to 5' })
  @Min(1, { message: 'score must be a whole number from 1 to 5' })
  @Max(5, { message: 'score must be a whole number from 1 to 5' })
  score!: number;
}

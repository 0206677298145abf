import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A nonce of a signed webhook request, remembered while its signature is valid (shared by every API replica). */
@Entity('webhook_nonces')
export class WebhookNonceEntity {
  @PrimaryColumn({ type: 'text' }) nonce!: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
}

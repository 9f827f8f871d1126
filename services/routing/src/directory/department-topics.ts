import { Injectable } from '@nestjs/common';
import { KafkaConnection, departmentTopicsToCreate } from '@grievance/messaging';

/**
 * Makes sure each department's own topic (`department.<code>.issues.v1`) exists before
 * anything is published on it (the relay does not create topics). Remembers what it made.
 */
@Injectable()
export class DepartmentTopics {
  private readonly ensured = new Set<string>();

  constructor(private readonly kafka: KafkaConnection) {}

  async ensure(codes: readonly string[]): Promise<void> {
    const missing = [...new Set(codes)].filter((code) => !this.ensured.has(code));
    if (missing.length === 0) return;
    await this.kafka.ensureTopics(departmentTopicsToCreate(missing));
    missing.forEach((code) => this.ensured.add(code));
  }
}

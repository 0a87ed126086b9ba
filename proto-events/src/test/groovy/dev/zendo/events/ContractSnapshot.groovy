package dev.zendo.events

import com.google.protobuf.DescriptorProtos.DescriptorProto
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto
import com.google.protobuf.DescriptorProtos.FileDescriptorProto
import com.google.protobuf.DescriptorProtos.FileDescriptorSet

/**
 * The shape of the event contracts as sorted text lines, one per message, field, enum and enum value:
 * what the committed baseline holds and what compatibility is checked on.
 */
class ContractSnapshot {

    static final String DESCRIPTOR_SET = '/zendo/events/events.desc'

    /** The contracts compiled into this module. */
    static List<FileDescriptorProto> compiled() {
        ContractSnapshot.getResourceAsStream(DESCRIPTOR_SET).withCloseable { FileDescriptorSet.parseFrom(it).fileList }
    }

    static List<String> of(List<FileDescriptorProto> files) {
        List<String> lines = []
        files.each { file ->
            file.messageTypeList.each { describeMessage(".${file.package}", it, lines) }
            file.enumTypeList.each { describeEnum(".${file.package}", it, lines) }
        }
        lines*.toString().sort()
    }

    private static void describeMessage(String scope, DescriptorProto message, List<String> lines) {
        String name = "${scope}.${message.name}"
        lines << "message ${name}"
        message.fieldList.each { FieldDescriptorProto field ->
            lines << "field ${name} ${field.number} ${field.name} ${typeOf(field)} ${labelOf(field)}"
        }
        message.nestedTypeList.each { describeMessage(name, it, lines) }
        message.enumTypeList.each { describeEnum(name, it, lines) }
    }

    private static void describeEnum(String scope, EnumDescriptorProto enumType, List<String> lines) {
        String name = "${scope}.${enumType.name}"
        lines << "enum ${name}"
        enumType.valueList.each { lines << "value ${name} ${it.number} ${it.name}" }
    }

    private static String typeOf(FieldDescriptorProto field) {
        field.hasTypeName() ? field.typeName : field.type.name().toLowerCase().replace('type_', '')
    }

    private static String labelOf(FieldDescriptorProto field) {
        if (field.label == FieldDescriptorProto.Label.LABEL_REPEATED) {
            return 'repeated'
        }
        field.proto3Optional ? 'optional' : 'singular'
    }
}

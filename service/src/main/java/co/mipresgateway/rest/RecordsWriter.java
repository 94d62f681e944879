package co.mipresgateway.rest;

import co.mipresgateway.suministro.Records;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Iterator;

/**
 * A query's answer, the JSON array of its records, written page by page as the pages are read (see
 * {@link Records}): the same bytes as a list would give, without the list.
 */
@Produces(MediaType.APPLICATION_JSON)
public final class RecordsWriter implements MessageBodyWriter<Records<?>> {

    private final ObjectMapper mapper;
    /** One record at a time into the array; no flush after each (Jackson's default), the socket gets full buffers. */
    private final ObjectWriter record;

    public RecordsWriter(ObjectMapper mapper) {
        this.mapper = mapper;
        this.record = mapper.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Records.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Records<?> records, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        Iterator<?> each = records.iterator();   // the first page: a failing query is answered 500 before any byte
        JsonGenerator json = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);   // the container closes its own stream
        // A later page that fails leaves the array open: the client then holds broken JSON, never a shorter list
        // that parses as the whole answer (Jackson would close the array for us).
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
        json.writeStartArray();
        while (each.hasNext()) record.writeValue(json, each.next());
        json.writeEndArray();
        json.close();
    }
}

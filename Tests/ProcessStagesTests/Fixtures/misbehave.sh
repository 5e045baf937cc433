#!/bin/sh
# A plugin that answers hello and index properly, then misbehaves on the third request in the
# way its first argument names (ProtocolFailureTests drives one per way).
mode="$1"
read -r line
echo '{"id":1,"ok":true,"protocol":1,"name":"misbehave","capabilities":["hello","index","retrieve"]}'
read -r line
echo '{"id":2,"ok":true}'
read -r line
case "$mode" in
crash)
    echo "misbehave: loading the model" >&2
    echo "misbehave: out of memory, giving up" >&2
    exit 3 ;;
timeout)
    echo "misbehave: thinking" >&2
    sleep 20 ;;
notjson)
    echo 'Traceback (most recent call last): this is not JSON' ;;
count)
    echo '{"id":3,"ok":true,"results":[]}' ;;
wrongid)
    echo '{"id":7,"ok":true,"results":[[]]}' ;;
unknown)
    echo '{"id":3,"ok":true,"results":[[{"article":"no-such-article","score":1.5}]]}' ;;
refuse)
    echo '{"id":3,"error":"model 0 is not loaded"}' ;;
good)
    echo '{"id":3,"ok":true,"results":[[{"article":"a2","score":2.5},{"article":"a1","score":1.0}]]}'
    read -r line
    echo '{"id":4,"ok":true}' ;;
esac
